// Shared by the store benchmark's sections: the workload's shape, the timing loop and the report lines.

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
export const CONCURRENCY = 64;
export const DATA = { kind: 'benchmark', text: 'x'.repeat(160), at: new Date(0).toISOString() };

export interface Result {
  readonly name: string;
  readonly appends: number;
  readonly perSecond: number;
  readonly note?: string;
}

/** Runs `worker` on `concurrency` async appenders until the time is up. */
export async function timed(
  name: string,
  concurrency: number,
  worker: (appender: number, i: number) => Promise<void> | void,
  seconds = SECONDS,
): Promise<Result> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let appends = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, appender) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await worker(appender, i);
        appends++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { name, appends, perSecond: appends / elapsed };
}

export function printResults(results: readonly Result[]): void {
  for (const r of results) {
    console.log(`  ${r.name.padEnd(72)} ${r.perSecond.toFixed(0).padStart(8)} appends/s  (${r.appends} appends${r.note ? `, ${r.note}` : ''})`);
  }
}

export const ratio = (a: Result, b: Result): string => (a.perSecond / b.perSecond).toFixed(2);
