import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server the read-store benches write to (trust auth on this machine by default). */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The sample at quantile `q` (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** "ratio (ours / baseline) p50 …×, p99 …×": each run's figure against the baseline measured in the same run. */
export const ratioToBaseline = (ours: readonly number[], baseline: readonly number[]): string =>
  `ratio (ours / baseline) p50 ${(percentile(ours, 0.5) / percentile(baseline, 0.5)).toFixed(2)}×, p99 ${(percentile(ours, 0.99) / percentile(baseline, 0.99)).toFixed(2)}×`;

/**
 * Runs `measure` on a fresh SQLite read store in a temporary folder, then on a fresh schema of the
 * PostgreSQL server, and removes both afterwards (`name` prefixes the folder and the schema).
 */
export async function onBothReadStores(name: string, measure: (label: string, url: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `switchboard-${name}-bench-`));
  const schema = `${name}_bench_${randomBytes(4).toString('hex')}`;
  try {
    await measure('SQLite', `sqlite:${join(dir, 'read.db')}`);
    await measure('PostgreSQL', `${BENCH_POSTGRES_URL}?schema=${schema}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: BENCH_POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}
