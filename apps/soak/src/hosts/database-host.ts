import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Host } from './network';

const BIN = process.env.SWITCHBOARD_TEST_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** The run's PostgreSQL cluster, serving the log and the read models from the database host. */
export interface DatabaseHost {
  /** `postgres://…/postgres?schema=<schema>` on the host's back address. */
  url(schema: string): string;
  /** Stops the server (immediate: nothing of it is kept). */
  stop(): void;
}

/**
 * Creates a cluster under `dir` (trust auth for the back segment `allowed`, fsync on) and starts
 * it inside the host's namespace, listening on the host's back address. PostgreSQL will not run
 * as root, so its tools run as the `postgres` user, who owns the directory.
 */
export function startDatabaseHost(host: Host, dir: string, allowed: string): DatabaseHost {
  const address = host.addresses.back;
  if (!address) throw new Error(`the database host ${host.name} needs a back address`);
  const cluster = join(dir, 'postgres');
  const data = join(cluster, 'data');
  chmodSync(dir, 0o711);
  mkdirSync(cluster);
  chownSync(cluster, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), 0);
  const asPostgres = (tool: string, ...args: string[]): void => {
    const line = [join(BIN, tool), ...args].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ');
    execFileSync('ip', ['netns', 'exec', host.namespace, 'su', 'postgres', '-c', line], { stdio: 'pipe' });
  };
  asPostgres('initdb', '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync');
  appendFileSync(join(data, 'pg_hba.conf'), `host all all ${allowed} trust\n`);
  const settings = ['listen_addresses', address, 'max_connections', '200', 'fsync', 'on', 'synchronous_commit', 'on'];
  const options = [`-p 5432 -k ${cluster}`, ...settings.flatMap((value, i) => (i % 2 ? [] : [`-c ${value}=${settings[i + 1]}`]))].join(' ');
  asPostgres('pg_ctl', '-D', data, '-o', options, '-l', join(cluster, 'server.log'), '-w', '-t', '30', 'start');
  let running = true;
  return {
    url: (schema) => `postgres://postgres@${address}:5432/postgres?schema=${schema}`,
    stop: () => {
      if (!running) return;
      running = false;
      asPostgres('pg_ctl', '-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop');
    },
  };
}
