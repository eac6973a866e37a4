// The CLI over a large history, in one run on one file system. Not a test: it prints figures.
//   BENCH_EVENTS       events in the replayed history (default 1,000,000; five per ticket)
//   BENCH_IMPORT_ROWS  rows of the Boston-shaped CSV imported (default 20,000)
//   BENCH_DIR          where the files go (default ./.bench)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { scanAll } from '@switchboard/read-models';
import { builtCli } from '../scripts/built-cli';
import { writeSyntheticHistory } from './synthetic-history';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const BIN = join(__dirname, '../bin/switchboard.js');
const PRELOAD = join(__dirname, 'print-peak-rss.js');
const START = Date.parse('2026-01-01T05:00:00Z');

/** Runs the real CLI in a child process; returns its wall time and peak RSS. */
function timedCli(args: string[]): { seconds: number; peakMb: number; stderr: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 && child.status !== 3) throw new Error(`switchboard ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { seconds, peakMb: peakKb / 1024, stderr: child.stderr };
}

/** A Boston-shaped CSV of `rows` cases: the sample's rows again and again under new case ids. */
function bostonLikeCsv(file: string, rows: number): void {
  const [header, ...sample] = readFileSync(join(__dirname, '../test/fixtures/boston311-100.csv'), 'utf8').trim().split('\n');
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(sample[i % sample.length].replace(/^\d+/, String(200000000000 + i)));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  // The bin runs the build: make it now, so that no timing below includes it.
  builtCli();
  const base = resolve(process.env.BENCH_DIR ?? '.bench');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'cli-'));
  try {
    const file = join(dir, 'events.db');
    const store = SqliteEventStore.open(file);
    let started = performance.now();
    const tickets = await writeSyntheticHistory(store, EVENTS, START);
    console.log(`history: ${tickets * 5} events (${tickets} tickets) written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    let read = 0;
    for await (const _ of scanAll(store)) read += 1;
    const rawSeconds = (performance.now() - started) / 1000;
    await store.close();
    console.log(`baseline: sequential paged read of $all: ${read} events in ${rawSeconds.toFixed(1)} s (${Math.round(read / rawSeconds)} events/s)`);

    const report = timedCli([
      'report',
      'completion',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--by',
      'department',
      '--format',
      'json',
      '--as-of',
      '2027-01-01',
      '--store',
      `sqlite:${file}`,
    ]);
    console.log(
      `report completion over ${read} events: ${report.seconds.toFixed(1)} s (${Math.round(read / report.seconds)} events/s, ` +
        `${(rawSeconds / report.seconds).toFixed(2)}× the raw read's rate), peak RSS ${report.peakMb.toFixed(0)} MB`,
    );

    const csv = join(dir, 'boston-like.csv');
    bostonLikeCsv(csv, IMPORT_ROWS);
    const imported = timedCli([
      'import',
      'tickets',
      csv,
      '--mapping',
      join(__dirname, '../mappings/boston311.json'),
      '--store',
      `sqlite:${join(dir, 'import.db')}`,
    ]);
    console.log(
      `import tickets: ${IMPORT_ROWS} rows in ${imported.seconds.toFixed(1)} s (${Math.round(IMPORT_ROWS / imported.seconds)} rows/s, process start included), peak RSS ${imported.peakMb.toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
