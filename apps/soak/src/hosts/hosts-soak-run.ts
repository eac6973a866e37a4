import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '@switchboard/event-store';
import { createReadStore, ReadModels, type ReadStore } from '@switchboard/read-models';
import { parseCatalog } from '@switchboard/ticketing';
import { checkEventLog, checkMemory, checkReadModels, type Check } from '../end-checks';
import { LoadRecord, runUser } from '../load';
import { hasEnded, sampleRss, startApi, startProjector, stop, waitUntilUp, type RunningProcess } from '../processes';
import { runFeedClient } from '../queue-feed-client';
import { checkFeeds, LagWatch, waitForCatchUp } from '../run-support';
import { startDatabaseHost, type DatabaseHost } from './database-host';
import { PREFIX, removeRuns, runHasEnded, runOf, TestNetwork } from './network';

/** What one run does; times in seconds from the start of the load. */
export interface HostsSoakOptions {
  readonly loadSeconds: number;
  readonly users: number;
  readonly feeds: number;
  /** When the active projector is killed with SIGKILL (the standby must take the lease). */
  readonly killAt: number;
  /** When the second API instance is cut off from the database, and for how long. */
  readonly cutAt: number;
  readonly cutFor: number;
  /** Start the killed projector again on its host once the standby is active: it must stand by. */
  readonly restartKilled: boolean;
  /** Check that the API instances' resident memory stays flat (wants a run of minutes). */
  readonly memoryChecks: boolean;
  readonly log: (line: string) => void;
}

/** The figures of a run, for docs/benchmarks.md. */
export interface HostsSoakFigures {
  readonly loadSeconds: number;
  readonly requests: number;
  readonly acknowledged: number;
  readonly maxLagEvents: number;
  readonly maxLagSeconds: number;
  /** From the SIGKILL of the active projector to the standby reporting itself active. */
  readonly takeoverSeconds?: number;
  readonly outageSeconds: number;
  /** From putting the cut-off API instance back on the database's segment to its last failed answer being behind it and a command succeeding. */
  readonly recoverySeconds?: number;
  /** 5xx answers and unanswered requests of the cut-off instance while it was cut off (and as it recovered). */
  readonly cutOffFailures: number;
}

export interface HostsSoakResult {
  readonly checks: Check[];
  readonly figures: HostsSoakFigures;
  readonly record: LoadRecord;
}

/** The run's temporary directory (the database cluster) is `<tmp>/switchboard-hosts-sbh<pid>-…`, named like its namespaces. */
const RUN_DIR = 'switchboard-hosts-';
const CATALOG_PATH = 'libs/ticketing/config/demo-catalog.json';
const API_PORT = 3000;
const HEALTH_PORT = 9090;
/** The projection lease (15 s) plus the standby's 2 s between tries, with room for a loaded machine. */
const TAKEOVER_BOUND_SECONDS = 25;
/** Failures of the cut-off instance count as the outage's while they come before restore + this (a query cut off mid-way may time out at 30 s). */
const RECOVERY_GRACE_MS = 35_000;
const HOSTS = [
  { name: 'db', segments: ['back'] },
  { name: 'api1', segments: ['front', 'back'] },
  { name: 'api2', segments: ['front', 'back'] },
  { name: 'proj1', segments: ['back'] },
  { name: 'proj2', segments: ['back'] },
] as const;

interface Answer {
  readonly at: number;
  readonly ok: boolean;
  readonly failed: boolean;
  /** The action and status, e.g. `route 503` (599: no answer). */
  readonly what: string;
}

/**
 * The production shape on PostgreSQL only, across hosts: a database host, two API instances and
 * a projector with its standby, each in its own network namespace. Load through the API instances;
 * the active projector is killed, one API instance is cut off from the database for a while and put
 * back; then the soak's end checks. Everything it made is removed at the end, whatever happened.
 */
export async function runHostsSoak(options: HostsSoakOptions): Promise<HostsSoakResult> {
  const swept = removeLeftovers(runHasEnded);
  if (swept.length) options.log(`removed leftovers of earlier runs: ${swept.join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), `${RUN_DIR}${PREFIX}${process.pid}-`));
  const processes: RunningProcess[] = [];
  let network: TestNetwork | undefined;
  let database: DatabaseHost | undefined;
  let eventStore: PostgresEventStore | undefined;
  let readStore: ReadStore | undefined;
  try {
    network = TestNetwork.create(HOSTS);
    database = startDatabaseHost(network.host('db'), dir, network.subnet('back'));
    const urls = { events: database.url('events'), readModels: database.url('read_models'), rebuilt: database.url('rebuilt') };
    const env = { SWITCHBOARD_EVENT_STORE: urls.events, SWITCHBOARD_READ_STORE: urls.readModels, SWITCHBOARD_CATALOG: CATALOG_PATH };
    // Both schemas are created and migrated here once, before the processes open them together.
    eventStore = await PostgresEventStore.open(urls.events);
    readStore = await createReadStore(urls.readModels);
    const readModels = new ReadModels({ eventStore, readStore });

    const hosts = network;
    const projectorOn = (host: 'proj1' | 'proj2') => startProjector(host, env, hosts.host(host).placement('back'), HEALTH_PORT);
    const projectors = [projectorOn('proj1'), projectorOn('proj2')];
    const apis = (['api1', 'api2'] as const).map((host) => startApi(host, API_PORT, env, hosts.host(host).placement('front')));
    processes.push(...projectors, ...apis);
    await Promise.all(processes.map(waitUntilUp));
    const active = await waitForRole(projectors, 'active');
    options.log(`hosts up in ${dir}: APIs ${apis.map((api) => api.url).join(', ')}; ${active.name} active`);

    const record = new LoadRecord();
    const cutOff = apis[1];
    const cutOffAnswers: Answer[] = [];
    const times: { cut?: number; restored?: number } = {};
    const elsewhereFailures: string[] = [];
    record.onAnswer = (base, action, status) => {
      if (base === cutOff.url && times.cut !== undefined)
        cutOffAnswers.push({ at: Date.now(), ok: status < 300, failed: status >= 500, what: `${action} ${status}` });
      else if (status >= 500) elsewhereFailures.push(`${base} ${action} ${status}`);
    };
    const lag = new LagWatch(readModels);
    const sampler = setInterval(() => {
      void lag.sample();
      if (options.memoryChecks) for (const api of apis) void sampleRss(api).catch(() => undefined);
    }, 1_000).unref();

    const start = Date.now();
    const until = start + options.loadSeconds * 1000;
    const at = (seconds: number) => sleep(Math.max(0, start + seconds * 1000 - Date.now()));
    const failover = (async () => {
      await at(options.killAt);
      const standby = projectors.find((p) => p !== active)!;
      options.log(`SIGKILL ${active.name}`);
      const killed = Date.now();
      active.child.kill('SIGKILL');
      await waitForRole([standby], 'active', (TAKEOVER_BOUND_SECONDS + 15) * 1000);
      const takeoverSeconds = (Date.now() - killed) / 1000;
      options.log(`${standby.name} active ${takeoverSeconds.toFixed(1)} s after the kill`);
      if (!options.restartKilled) return { takeoverSeconds };
      const restarted = projectorOn(active.name as 'proj1' | 'proj2');
      processes.push(restarted);
      await waitUntilUp(restarted);
      await sleep(3_000); // a try or two at the lease
      return { takeoverSeconds, restartedRole: await roleOf(restarted) };
    })().catch((error: unknown) => {
      options.log(`failover: ${String(error)}`);
      return { takeoverSeconds: undefined, restartedRole: undefined };
    });
    const outage = (async () => {
      await at(options.cutAt);
      options.log(`cutting ${cutOff.name} off the database for ${options.cutFor} s`);
      times.cut = Date.now();
      hosts.cut(cutOff.name, 'back');
      await sleep(options.cutFor * 1000);
      hosts.restore(cutOff.name, 'back');
      times.restored = Date.now();
      options.log(`${cutOff.name} back on the database's segment`);
    })();
    const apiUrls = apis.map((api) => api.url!);
    // Feed clients stay on the instance that keeps its database: the other's feeds stall by design.
    const [, feeds, takeover] = await Promise.all([
      Promise.all(Array.from({ length: options.users }, () => runUser(apiUrls, until, record))),
      Promise.all(Array.from({ length: options.feeds }, () => runFeedClient(apiUrls[0], 'demo-staff-dpw-sam', until))),
      failover,
      outage,
    ]);
    clearInterval(sampler);
    const loadSeconds = (Date.now() - start) / 1000;
    options.log('load finished; waiting for the projector, then checking');

    const checks: Check[] = [...lag.checks(await waitForCatchUp(readModels), 30)];
    checks.push({
      name: 'the standby took the lease of the killed projector',
      passed: takeover.takeoverSeconds !== undefined && takeover.takeoverSeconds <= TAKEOVER_BOUND_SECONDS,
      detail:
        takeover.takeoverSeconds === undefined
          ? 'no takeover seen'
          : `active ${takeover.takeoverSeconds.toFixed(1)} s after SIGKILL (bound ${TAKEOVER_BOUND_SECONDS} s)`,
    });
    if (options.restartKilled) {
      checks.push({
        name: 'the restarted projector stands by',
        passed: 'restartedRole' in takeover && takeover.restartedRole === 'standby',
        detail: `role ${'restartedRole' in takeover ? takeover.restartedRole : 'unknown'}`,
      });
    }
    const restored = times.restored ?? Infinity;
    const outsideWindow = cutOffAnswers.filter((a) => a.failed && a.at > restored + RECOVERY_GRACE_MS);
    const cutOffFailures = cutOffAnswers.filter((a) => a.failed).length;
    const kinds = new Map<string, number>();
    for (const answer of cutOffAnswers) if (answer.failed) kinds.set(answer.what, (kinds.get(answer.what) ?? 0) + 1);
    checks.push({
      name: 'only the cut-off instance failed, only while cut off',
      passed: elsewhereFailures.length === 0 && outsideWindow.length === 0,
      detail:
        `${cutOff.name}: ${cutOffFailures} 5xx/unanswered while cut off (${[...kinds].map(([what, n]) => `${what} ×${n}`).join(', ') || 'none'}), ` +
        `${outsideWindow.length} after; elsewhere ${elsewhereFailures.length}` +
        (elsewhereFailures.length || outsideWindow.length ? `: ${[...elsewhereFailures, ...record.serverErrors].slice(0, 3).join(' | ')}` : ''),
    });
    const recoveredAt = recovery(cutOffAnswers, restored);
    const recoverySeconds = recoveredAt === undefined ? undefined : (recoveredAt - restored) / 1000;
    checks.push({
      name: 'the cut-off instance serves again once back',
      passed: recoverySeconds !== undefined,
      detail: recoverySeconds === undefined ? 'no success after the restore' : `commands succeed again ${recoverySeconds.toFixed(1)} s after the restore`,
    });
    checks.push(checkFeeds(feeds));
    if (options.memoryChecks) for (const api of apis) checks.push(checkMemory(api.name, api.rssSamples));

    await readStore.close();
    readStore = undefined;
    await eventStore.close();
    eventStore = undefined;
    for (const proc of processes) await stop(proc);
    options.log('processes stopped; checking the event log and rebuilding the read models to compare');
    const catalog = parseCatalog(readFileSync(CATALOG_PATH, 'utf8'), CATALOG_PATH);
    checks.push(await checkEventLog(urls.events, record.acknowledged));
    checks.push(await checkReadModels(urls.events, urls.readModels, urls.rebuilt, catalog));
    const figures: HostsSoakFigures = {
      loadSeconds,
      requests: [...record.statuses.values()].reduce((a, b) => a + b, 0),
      acknowledged: record.acknowledged.length,
      maxLagEvents: lag.events,
      maxLagSeconds: lag.seconds,
      takeoverSeconds: takeover.takeoverSeconds,
      outageSeconds: options.cutFor,
      recoverySeconds,
      cutOffFailures,
    };
    return { checks, figures, record };
  } finally {
    for (const proc of processes) await stop(proc, 5_000).catch(() => undefined);
    await readStore?.close().catch(() => undefined);
    await eventStore?.close().catch(() => undefined);
    try {
      database?.stop();
    } catch (error) {
      options.log(`stopping the database: ${String(error)}`);
    }
    network?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Removes what the runs `selected` picks (by pid) left: namespaces with their processes (the
 * database's server among them), links and temporary directories. A run removes what dead runs
 * left before it starts; a test calls it with its own pid afterwards, in case the run was cut short.
 */
export function removeLeftovers(selected: (pid: number) => boolean): string[] {
  const removed = removeRuns(selected);
  for (const entry of readdirSync(tmpdir())) {
    const pid = entry.startsWith(RUN_DIR) ? runOf(entry.slice(RUN_DIR.length)) : undefined;
    if (pid === undefined || !selected(pid)) continue;
    rmSync(join(tmpdir(), entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

/** When the cut-off instance had recovered: its first success after both the restore and its last failure. */
function recovery(answers: readonly Answer[], restored: number): number | undefined {
  const lastFailure = answers.reduce((latest, a) => (a.failed ? Math.max(latest, a.at) : latest), restored);
  return answers.find((a) => a.ok && a.at >= lastFailure)?.at;
}

async function roleOf(projector: RunningProcess): Promise<string | undefined> {
  try {
    return ((await (await fetch(`${projector.url}/health`)).json()) as { role?: string }).role;
  } catch {
    return undefined;
  }
}

/** The first of `projectors` to report `role`; rejects after `ms`. */
async function waitForRole(projectors: readonly RunningProcess[], role: string, ms = 30_000): Promise<RunningProcess> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const projector of projectors) if (!hasEnded(projector) && (await roleOf(projector)) === role) return projector;
    await sleep(200);
  }
  throw new Error(`none of ${projectors.map((p) => p.name).join(', ')} became ${role} within ${ms / 1000} s`);
}
