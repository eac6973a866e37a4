import type { ReadModels } from '@switchboard/read-models';
import type { Check } from './end-checks';
import type { LoadRecord } from './load';
import type { FeedClientRecord } from './queue-feed-client';

/** The largest projection lag seen while sampling. */
export class LagWatch {
  events = 0;
  seconds = 0;

  constructor(private readonly readModels: ReadModels) {}

  /** Takes one sample; a failed read (the store busy or cut off) is skipped. */
  async sample(): Promise<void> {
    try {
      const lag = await this.readModels.lag();
      this.events = Math.max(this.events, lag.eventsBehind);
      this.seconds = Math.max(this.seconds, lag.secondsBehind);
    } catch {
      // the next sample tries again
    }
  }

  /** The checks on lag: caught up after the load (`caughtUp`), and never more than `boundSeconds` behind. */
  checks(caughtUp: boolean, boundSeconds: number): Check[] {
    return [
      { name: 'projection caught up after the load', passed: caughtUp, detail: `max lag during the run: ${this.events} events, ${this.seconds.toFixed(1)} s` },
      { name: 'lag bounded', passed: this.seconds <= boundSeconds, detail: `max ${this.seconds.toFixed(1)} s behind (bound ${boundSeconds} s)` },
    ];
  }
}

/** Waits (bounded, 60 s) until the projector has applied everything. */
export async function waitForCatchUp(readModels: ReadModels): Promise<boolean> {
  for (let i = 0; i < 120; i += 1) {
    if ((await readModels.lag()).eventsBehind === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** Queue feed clients saw changes, and every resume after a reconnection was in order and without repeats. */
export function checkFeeds(feeds: readonly FeedClientRecord[]): Check {
  const problems = feeds.reduce((n, f) => n + f.outOfOrder + f.duplicates + f.errors.length, 0);
  const errors = feeds
    .flatMap((f) => f.errors)
    .slice(0, 2)
    .join(' | ');
  return {
    name: 'queue feeds resume in order, without repeats',
    passed: problems === 0 && feeds.every((f) => f.received > 0),
    detail: feeds.map((f) => `${f.received} changes/${f.reconnects} reconnects`).join('; ') + (problems ? `; ${problems} problems: ${errors}` : ''),
  };
}

/** The load's totals and the checks as a Markdown table, on stdout. */
export function printSummary(title: string, record: LoadRecord, checks: readonly Check[], seconds: number): void {
  const total = [...record.statuses.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${title}: ${(seconds / 60).toFixed(1)} min, ${total} requests (${(total / seconds).toFixed(0)} req/s), ${record.acknowledged.length} acknowledged commands`,
  );
  console.log(`Responses: ${[...record.statuses].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `By action: ${[...record.byAction]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
  );
  console.log('| check | result | detail |\n|---|---|---|');
  for (const check of checks) console.log(`| ${check.name} | ${check.passed ? 'pass' : 'FAIL'} | ${check.detail} |`);
}
