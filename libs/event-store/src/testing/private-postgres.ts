import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.SWITCHBOARD_TEST_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A PostgreSQL cluster of one test's own, on a temporary directory and a free port, which the test may stop and restart. */
export interface PrivatePostgres {
  readonly url: string;
  /** `immediate` is a crash (recovery from the WAL on the next start); `fast` a clean shutdown. */
  stop(mode?: 'immediate' | 'fast'): void;
  start(): void;
  /** Stops the server and removes its files. */
  destroy(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates and starts a private cluster (initdb, trust auth, fsync on). PostgreSQL refuses to run as
 * root, so as root the tools run as the `postgres` user, owning the directory.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pg-'));
  const root = process.getuid?.() === 0;
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), 0);
  const run = (tool: string, args: string[]): void => {
    const command = [join(BIN, tool), ...args];
    if (root) execFileSync('su', ['postgres', '-c', command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(' ')], { stdio: 'pipe' });
    else execFileSync(command[0], command.slice(1), { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=on -c max_connections=50`;
  const start = (): void => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  const stop = (mode: 'immediate' | 'fast' = 'fast'): void => run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  start();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode) => {
      stop(mode);
      stopped = true;
    },
    start: () => {
      start();
      stopped = false;
    },
    destroy: () => {
      if (!stopped) stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
