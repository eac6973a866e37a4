import { type ChildProcess, spawn } from 'node:child_process';

/** A Switchboard process the soak started, with the memory samples taken from its /metrics. */
export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The API, or the projector's health server when it has one. */
  readonly url?: string;
  readonly rssSamples: number[];
}

/**
 * Where a process runs: the address it listens on, and the command that enters its host
 * (nothing for this machine; a network namespace's `ip netns exec …` for a test host).
 */
export interface Placement {
  readonly address: string;
  readonly prefix: readonly string[];
}

export const THIS_MACHINE: Placement = { address: '127.0.0.1', prefix: [] };

const REGISTER = ['-r', '@swc-node/register'];

/** Runs a TypeScript entry point from the sources on `placement`; the child is the node process itself (the prefix execs). */
function spawnNode(entry: string, env: Record<string, string>, placement: Placement): ChildProcess {
  const [command, ...args] = [...placement.prefix, process.execPath, ...REGISTER, entry];
  return spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env, SWITCHBOARD_LOG_LEVEL: 'warn' } });
}

/** Starts an API process (no projector inside: production shape) on `port`. */
export function startApi(name: string, port: number, env: Record<string, string>, placement = THIS_MACHINE): RunningProcess {
  const child = spawnNode(
    'apps/api/src/main.ts',
    { ...env, SWITCHBOARD_HOST: placement.address, SWITCHBOARD_PORT: String(port), SWITCHBOARD_PROJECTOR: 'off', SWITCHBOARD_DOCS: '0' },
    placement,
  );
  return { name, child, url: `http://${placement.address}:${port}`, rssSamples: [] };
}

/** Starts a projector process (projection runner + SLA watcher; a second one stands by), with its /health on `healthPort` if given. */
export function startProjector(name: string, env: Record<string, string>, placement = THIS_MACHINE, healthPort?: number): RunningProcess {
  const health: Record<string, string> =
    healthPort === undefined ? {} : { SWITCHBOARD_HOST: placement.address, SWITCHBOARD_PROJECTOR_HEALTH_PORT: String(healthPort) };
  const child = spawnNode('apps/projector/src/main.ts', { ...env, ...health }, placement);
  return { name, child, url: healthPort === undefined ? undefined : `http://${placement.address}:${healthPort}`, rssSamples: [] };
}

/** True once the process has ended, by exit or by a signal. */
export function hasEnded(proc: RunningProcess): boolean {
  return proc.child.exitCode !== null || proc.child.signalCode !== null;
}

/** Resolves once the process answers /health, or rejects after ~30 s. */
export async function waitUntilUp(api: RunningProcess): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    if (hasEnded(api)) throw new Error(`${api.name} exited with code ${api.child.exitCode ?? api.child.signalCode}`);
    try {
      if ((await fetch(`${api.url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${api.name} did not come up on ${api.url}`);
}

/** Asks a process for its resident memory (from the Prometheus process metrics). */
export async function sampleRss(api: RunningProcess): Promise<void> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const match = /^switchboard_process_resident_memory_bytes (\d+)/m.exec(text);
  if (match) api.rssSamples.push(Number(match[1]));
}

/** Stops a process with SIGTERM (graceful shutdown) and waits for it; after `graceMs` it is killed. */
export async function stop(proc: RunningProcess, graceMs = 20_000): Promise<number | null> {
  if (hasEnded(proc)) return proc.child.exitCode;
  const exited = new Promise<number | null>((resolve) => proc.child.once('exit', (code) => resolve(code)));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
