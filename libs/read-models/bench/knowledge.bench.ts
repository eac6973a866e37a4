import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { type ArticleState, type ContactState, type ContactStep, parseKnowledgeBase } from '@switchboard/knowledge';
import { parseCatalog } from '@switchboard/ticketing';
import { createReadStore, KnowledgeSearchIndex, searchTokens } from '../src';
import { articleSearchEntries, serviceSearchEntries } from '../src/knowledge/search-entries';
import type { ReadStore } from '../src/store/read-store';
import { onBothReadStores, percentile, ratioToBaseline } from './read-store-bench';
import { contactBusiestTimes, contactMetricsReport } from '../src/knowledge/contact-metrics';
import { contactRow } from '../src/knowledge/contact-projection';
import { rebuildContactRollup } from '../src/knowledge/contact-rollup';
import { upsertRows } from '../src/projection/upsert-rows';

/**
 * Knowledge search latency with `BENCH_ARTICLES` articles (default 5,000) in the index, on SQLite
 * and PostgreSQL: the 65 committed resident phrasings and their type-ahead prefixes, each run
 * `ROUNDS` times. Beside it, in the same run, the baseline: the store's own full-text query for the
 * same words (FTS5 MATCH ordered by bm25, or a tsquery ordered by ts_rank, 10 rows), without our
 * spelling correction and ranking. Prints p50 and p99 and the ratio of ours to the baseline.
 * Goal (issue 16): p99 ≤ 10 ms.
 *
 * Contact metrics: `BENCH_CONTACTS` contacts (default 1,000,000) spread over 2026, written as rows
 * straight into the read store (batched multi-row inserts, not through the API), the contact rollup
 * filled from them (`rebuildContactRollup`, the backfill), then the contact figures for the year by
 * line and week (`contactMetricsReport`, what GET /metrics/contacts answers) and the busiest times
 * `METRIC_ROUNDS` times (default 20); the baseline is the store's own `count(*) … group by line, day`
 * over the same range. Prints p50, p99 and the ratio of ours to the baseline.
 * Goal (issue 16): p99 ≤ 200 ms.
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const METRIC_ROUNDS = Number(process.env.BENCH_METRIC_ROUNDS ?? 20);
const YEAR = { from: new Date('2026-01-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z') };
const ROOT = join(__dirname, '../../..');
const now = new Date('2026-11-03T15:00:00Z');

const catalog = parseCatalog(readFileSync(join(ROOT, 'libs/ticketing/config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');
const demo = parseKnowledgeBase(readFileSync(join(ROOT, 'libs/knowledge/config/demo-knowledge-base.json'), 'utf8'), 'demo-knowledge-base.json', catalog);
const { phrasings } = JSON.parse(readFileSync(join(ROOT, 'libs/knowledge/config/relevance-phrasings.json'), 'utf8')) as { phrasings: { phrase: string }[] };

/** A deterministic stream of numbers, so both stores index the very same articles. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * A better-spread stream for the contacts (mulberry32): successive values of the linear
 * congruential one above are correlated, which packed a year of contacts into a few hundred
 * day × line × channel combinations.
 */
function spread(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` published articles: the demo ones, then variants of them mixing in words of other articles, so the vocabulary and the lists of candidates grow as in a large city's base. */
function articles(count: number): ArticleState[] {
  const next = random(42);
  const words = [
    ...new Set(
      demo.flatMap((a) =>
        searchTokens(
          Object.values(a.content.translations)
            .map((t) => `${t.title} ${t.answer}`)
            .join(' '),
        ),
      ),
    ),
  ];
  const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const base = demo[i % demo.length];
    const variant = i >= demo.length;
    const translations = Object.fromEntries(
      Object.entries(base.content.translations).map(([language, t]) => [
        language,
        variant ? { title: `${t.title} (${pick(2)} ${i})`, answer: `${t.answer} ${pick(40)}` } : t,
      ]),
    );
    return {
      status: 'published',
      articleId: variant ? `${base.articleId}-${i}` : base.articleId,
      ownerDepartment: base.ownerDepartment,
      content: { ...base.content, translations, keywords: variant ? [...base.content.keywords, pick(3)] : base.content.keywords },
      revision: 1,
      reviewedAt: now.toISOString(),
      pendingProposals: [],
    };
  });
}

/**
 * A year of contacts on the catalog's lines: half answered from an article, a fifth opening a ticket
 * (a third of those completed at intake), some transferred, a few with a callback (some still open,
 * most with a due time); handle times from half a minute to about twenty minutes, to the ms.
 */
function* contactRows(count: number, completedAtIntake: string[]) {
  const next = spread(7);
  const lines = catalog.departments().map((d) => d.code);
  const channels = ['phone', 'phone', 'phone', 'walk_in', 'email', 'chat'] as const;
  const span = YEAR.to.getTime() - YEAR.from.getTime();
  for (let i = 0; i < count; i++) {
    const start = YEAR.from.getTime() + Math.floor(next() * span);
    const at = (minutes: number) => new Date(start + Math.round(minutes * 60_000)).toISOString();
    const line = lines[Math.floor(next() * lines.length)];
    const steps: ContactStep[] = [];
    if (next() < 0.5) steps.push({ kind: 'article_used', at: at(1), articleId: demo[Math.floor(next() * demo.length)].articleId! });
    if (next() < 0.2) {
      steps.push({ kind: 'ticket', at: at(1.5), ticketId: `T-${i}`, relation: 'opened' });
      if (next() < 0.33) completedAtIntake.push(`T-${i}`);
    }
    if (next() < 0.15) steps.push({ kind: 'transfer', at: at(2), department: lines[Math.floor(next() * lines.length)], reached: next() < 0.7 });
    const callback = next() < 0.05;
    if (callback) steps.push({ kind: 'callback_promised', at: at(3), callbackId: `cb-${i}`, department: line });
    const done = next() < 0.9;
    const state: ContactState = {
      status: 'ended',
      contactId: `C-${i}`,
      channel: channels[Math.floor(next() * channels.length)],
      line,
      operatorId: `op-${i % 40}`,
      startedAt: at(0),
      endedAt: at(0.5 + 20 * next() * next()),
      outcome: next() < 0.95 ? 'handled' : 'abandoned',
      steps,
      callbacks: callback
        ? [
            {
              callbackId: `cb-${i}`,
              department: line,
              promisedAt: at(3),
              ...(next() < 0.8 ? { dueBy: at(24 * 60) } : {}),
              ...(done ? { completedAt: at(60 + next() * 3 * 24 * 60), completedBy: 'op-1', reached: next() < 0.8 } : {}),
            },
          ]
        : [],
    };
    yield contactRow(state.contactId!, state, String(i).padStart(20, '0'));
  }
}

/** Writes the contacts as rows, batched, and the tickets completed at intake; then fills the contact rollup from them (the backfill a store with contacts gets). */
async function loadContacts(store: ReadStore): Promise<{ write: number; rollup: number }> {
  const started = performance.now();
  let batch: ReturnType<typeof contactRow>[] = [];
  const completedAtIntake: string[] = [];
  const flush = async () => {
    const rows = batch;
    const completed = completedAtIntake.splice(0).map((ticketId) => ({ ticket_id: ticketId }));
    batch = [];
    await store.writeTransaction(async (trx) => {
      await upsertRows(trx, store.dialect, 'rm_contacts', 'contact_id', rows);
      await upsertRows(trx, store.dialect, 'rm_contact_intake_completions', 'ticket_id', completed);
    });
  };
  for (const row of contactRows(CONTACTS, completedAtIntake)) {
    batch.push(row);
    if (batch.length === 10_000) await flush();
  }
  if (batch.length > 0) await flush();
  const written = performance.now();
  await store.writeTransaction((trx) => rebuildContactRollup(trx, store.dialect, catalog.config.calendar.timeZone));
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
  return { write: (written - started) / 1000, rollup: (performance.now() - written) / 1000 };
}

/** The contact figures for the year by line and week, and the busiest times, against the store's own count by line and day over the same range. */
async function measureContactMetrics(label: string, store: ReadStore, load: { write: number; rollup: number }): Promise<void> {
  const options = { ...YEAR, period: 'week' as const, groupBy: 'line' as const, timeZone: catalog.config.calendar.timeZone };
  const ours: number[] = [];
  const busiest: number[] = [];
  const raw: number[] = [];
  const from = YEAR.from.toISOString();
  const to = YEAR.to.toISOString();
  await contactMetricsReport(store.db, options);
  const loadBefore = loadavg()[0];
  const cpu: number[] = [];
  for (let round = 0; round < METRIC_ROUNDS; round++) {
    let started = performance.now();
    await sql`select line, substr(started_at, 1, 10) as day, count(*) as contacts from rm_contacts where started_at >= ${from} and started_at < ${to} group by line, substr(started_at, 1, 10)`.execute(
      store.db,
    );
    raw.push(performance.now() - started);
    started = performance.now();
    const cpuStarted = process.cpuUsage();
    await contactMetricsReport(store.db, options);
    ours.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    started = performance.now();
    await contactBusiestTimes(store.db, options);
    busiest.push(performance.now() - started);
  }
  const p = (samples: number[], q: number) => percentile(samples, q).toFixed(0);
  const ratio = (q: number) => (percentile(ours, q) / percentile(raw, q)).toFixed(2);
  console.log(
    `${label}: ${CONTACTS} contacts written in ${load.write.toFixed(1)} s, rollup filled from them in ${load.rollup.toFixed(1)} s; ` +
      `contact metrics for a year by line and week, ${METRIC_ROUNDS} runs — ours p50 ${p(ours, 0.5)} ms, p99 ${p(ours, 0.99)} ms; ` +
      `store's own count by line and day p50 ${p(raw, 0.5)} ms, p99 ${p(raw, 0.99)} ms; ratio (ours / baseline) p50 ${ratio(0.5)}×, p99 ${ratio(0.99)}×; ` +
      `busiest times for the year p50 ${p(busiest, 0.5)} ms, p99 ${p(busiest, 0.99)} ms (goal: p99 ≤ 200 ms); ` +
      `our report's own CPU time p50 ${p(cpu, 0.5)} ms, p99 ${p(cpu, 0.99)} ms; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
}

/** The store's own full-text query for the same words, 10 rows: what a search without our ranking costs. */
async function baseline(store: ReadStore, query: string): Promise<void> {
  const words = searchTokens(query);
  if (words.length === 0) return;
  if (store.dialect === 'sqlite') {
    const match = words.map((word) => `"${word}"*`).join(' OR ');
    await sql`select d.ref from rm_kb_fts f join rm_kb_documents d on d.doc_id = f.rowid where rm_kb_fts match ${match} order by bm25(rm_kb_fts, 1.0, 1.0, 0.4, 0.2) limit 10`.execute(
      store.db,
    );
    return;
  }
  const tsquery = words.map((word) => `${word}:*`).join(' | ');
  await sql`select ref from rm_kb_documents where document @@ to_tsquery('simple', ${tsquery}) order by ts_rank(document, to_tsquery('simple', ${tsquery})) desc limit 10`.execute(
    store.db,
  );
}

async function measure(label: string, url: string): Promise<void> {
  const store = await createReadStore(url);
  try {
    const index = new KnowledgeSearchIndex(store);
    const loadStarted = performance.now();
    for (const article of articles(ARTICLES)) await index.replace('article', article.articleId!, articleSearchEntries(article));
    for (const service of catalog.services()) await index.replace('service', service.code, serviceSearchEntries(service));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const contactLoad = await loadContacts(store);
    const queries = phrasings.flatMap(({ phrase }) => [phrase, phrase.slice(0, Math.max(3, Math.ceil(phrase.length / 2)))]);
    await index.search('warm up', { now });
    const ours: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of queries) {
        let started = performance.now();
        await baseline(store, query);
        raw.push(performance.now() - started);
        started = performance.now();
        await index.search(query, { now, limit: 10 });
        ours.push(performance.now() - started);
      }
    }
    const p = (samples: number[], q: number) => percentile(samples, q).toFixed(2);
    console.log(
      `${label}: ${ARTICLES} articles indexed in ${loadSeconds.toFixed(1)} s; ${ours.length} searches — ours p50 ${p(ours, 0.5)} ms, p99 ${p(ours, 0.99)} ms; ` +
        `store's own query p50 ${p(raw, 0.5)} ms, p99 ${p(raw, 0.99)} ms; ${ratioToBaseline(ours, raw)} (goal: p99 ≤ 10 ms, with ${CONTACTS} contacts in the store)`,
    );
    await measureContactMetrics(label, store, contactLoad);
  } finally {
    await store.close();
  }
}

void onBothReadStores('kb', measure);
