import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Resolves with the first answer of `url` that `accept` takes, polling while the process starts. */
async function whenAnswering(url: string, child: ChildProcess, accept: (r: Response) => boolean): Promise<Response> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the projector exited with ${child.exitCode}`);
    const response = await fetch(url).catch(() => undefined);
    if (response && accept(response)) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the projector process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-projector-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts active on an empty store, serves /health and Prometheus /metrics, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, SWITCHBOARD_EVENT_STORE: `sqlite:${join(dir, 'switchboard.db')}`, SWITCHBOARD_PROJECTOR_HEALTH_PORT: String(port) },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const health = await whenAnswering(`http://127.0.0.1:${port}/health`, child, (r) => r.ok);
      expect(await health.json()).toMatchObject({ status: 'ok', role: 'active', lag: { eventsBehind: 0 } });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^switchboard_projection_lag_events\{projection="tickets"\} 0$/m);
      expect(metrics).toMatch(/^switchboard_projection_lag_seconds\{projection="tickets"\} 0$/m);
      expect(metrics).toMatch(/^switchboard_process_resident_memory_bytes \d+$/m);
      expect(metrics).toContain('# TYPE switchboard_sla_actions_total counter');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 30_000);

  it('refuses to start with a bad setting, naming it', async () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SWITCHBOARD_EVENT_STORE: `sqlite:${join(dir, 'refused.db')}`, SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '0' },
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // 'close' comes after the output has been read to its end.
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toMatchObject({
      level: 'error',
      message: 'could not start',
      error: expect.stringContaining('SWITCHBOARD_QUEUE_FEED_RESUME_DAYS=0 must be an integer from 1 to 365'),
    });
  }, 30_000);
});
