import { type ChildProcess, spawn } from 'node:child_process';

/** A Switchboard process the soak started, with the memory samples taken from its /metrics. */
export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url?: string;
  readonly rssSamples: number[];
}

const REGISTER = ['-r', '@swc-node/register'];

/** Starts an API process (no projector inside: production shape) on `port`. */
export function startApi(name: string, port: number, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [...REGISTER, 'apps/api/src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, SWITCHBOARD_PORT: String(port), SWITCHBOARD_PROJECTOR: 'off', SWITCHBOARD_LOG_LEVEL: 'warn', SWITCHBOARD_DOCS: '0' },
  });
  return { name, child, url: `http://127.0.0.1:${port}`, rssSamples: [] };
}

/** Starts a projector process (projection runner + SLA watcher; a second one stands by). */
export function startProjector(name: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [...REGISTER, 'apps/projector/src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, SWITCHBOARD_LOG_LEVEL: 'warn' },
  });
  return { name, child, rssSamples: [] };
}

/** Resolves once the API answers /health, or rejects after ~30 s. */
export async function waitUntilUp(api: RunningProcess): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    if (api.child.exitCode !== null) throw new Error(`${api.name} exited with code ${api.child.exitCode}`);
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

/** Stops a process with SIGTERM (graceful shutdown) and waits for it. */
export async function stop(proc: RunningProcess): Promise<number | null> {
  if (proc.child.exitCode !== null) return proc.child.exitCode;
  const exited = new Promise<number | null>((resolve) => proc.child.once('exit', (code) => resolve(code)));
  proc.child.kill('SIGTERM');
  return exited;
}
