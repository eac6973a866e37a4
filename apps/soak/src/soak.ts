// `npm run soak -- --minutes N`: the production shape on one machine — two API processes and a
// projector with a standby, SQLite event log, PostgreSQL read models — under a city's day of
// mixed load, then checks that nothing was lost, duplicated or left inconsistent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, ReadModels } from '@switchboard/read-models';
import { parseCatalog } from '@switchboard/ticketing';
import { checkEventLog, checkMemory, checkReadModels, type Check } from './end-checks';
import { LoadRecord, runUser } from './load';
import { sampleRss, startApi, startProjector, stop, waitUntilUp, type RunningProcess } from './processes';
import { runFeedClient } from './queue-feed-client';
import { checkFeeds, LagWatch, printSummary, waitForCatchUp } from './run-support';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '16' },
    feeds: { type: 'string', default: '4' },
    postgres: { type: 'string', default: process.env.SWITCHBOARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const minutes = Number(values.minutes);
const catalogPath = 'libs/ticketing/config/demo-catalog.json';
const catalog = parseCatalog(readFileSync(catalogPath, 'utf8'), catalogPath);

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-soak-'));
  const stamp = Date.now();
  const eventStorePath = join(dir, 'events.db');
  const readStoreUrl = `${values.postgres}?schema=soak_${stamp}`;
  const env = { SWITCHBOARD_EVENT_STORE: `sqlite:${eventStorePath}`, SWITCHBOARD_READ_STORE: readStoreUrl, SWITCHBOARD_CATALOG: catalogPath };
  const projectors = [startProjector('projector', env), startProjector('projector (standby)', env)];
  const apis = [startApi('api-1', 3401, env), startApi('api-2', 3402, env)];
  const processes: RunningProcess[] = [...apis, ...projectors];
  const checks: Check[] = [];
  try {
    await Promise.all(apis.map(waitUntilUp));
    const eventStore = SqliteEventStore.open(eventStorePath, { pollIntervalMs: 1000 });
    const readStore = await createReadStore(readStoreUrl);
    const readModels = new ReadModels({ eventStore, readStore });
    const lag = new LagWatch(readModels);
    const until = Date.now() + minutes * 60_000;
    const record = new LoadRecord();
    const sampler = setInterval(() => {
      for (const api of apis) void sampleRss(api).catch(() => undefined);
      void lag.sample();
    }, 5_000);
    console.error(`soak: ${minutes} min, ${values.users} users, ${values.feeds} queue feed clients, data in ${dir}`);
    const urls = apis.map((api) => api.url!);
    const [, feeds] = await Promise.all([
      Promise.all(Array.from({ length: Number(values.users) }, () => runUser(urls, until, record))),
      Promise.all(Array.from({ length: Number(values.feeds) }, (_, i) => runFeedClient(urls[i % urls.length], 'demo-staff-dpw-sam', until))),
    ]);
    clearInterval(sampler);
    console.error('soak: load finished; waiting for the projector, then checking');

    checks.push(...lag.checks(await waitForCatchUp(readModels), 30));
    await readStore.close();
    await eventStore.close();
    for (const proc of processes) await stop(proc);

    const serverErrors = record.statuses.get('5xx') ?? 0;
    checks.push({
      name: 'no 5xx',
      passed: serverErrors === 0 && record.serverErrors.length === 0,
      detail: `${serverErrors} 5xx; ${record.serverErrors.slice(0, 3).join(' | ') || 'no network errors'}`,
    });
    console.error('soak: processes stopped; checking the event log and rebuilding the read models to compare');
    checks.push(await checkEventLog(env.SWITCHBOARD_EVENT_STORE, record.acknowledged));
    checks.push(await checkReadModels(env.SWITCHBOARD_EVENT_STORE, readStoreUrl, `${values.postgres}?schema=soak_fresh_${stamp}`, catalog));
    for (const api of apis) checks.push(checkMemory(api.name, api.rssSamples));
    checks.push(checkFeeds(feeds));
    printSummary('Soak', record, checks, minutes * 60);
    return checks.every((check) => check.passed) ? 0 : 1;
  } finally {
    for (const proc of processes) await stop(proc);
    rmSync(dir, { recursive: true, force: true });
    await dropSchemas(values.postgres!, [`soak_${stamp}`, `soak_fresh_${stamp}`]);
  }
}

/** Leaves the PostgreSQL database as the soak found it. */
async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
