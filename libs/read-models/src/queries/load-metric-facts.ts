import type { Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import { type GenerationTables, METRIC_FACT_COLUMNS } from '../store/generation-tables';
import type { MetricFacts } from '../metrics/completion-metrics';
import { metricFactsOfVersion } from '../temporal/ticket-versions';

const PAGE = 5_000;

/**
 * The facts of every ticket that can count in [from, to): opened before `to` and not ended
 * before `from`, with only the columns the metrics read. Keyset-paged on (opened_at, ticket_id)
 * through the covering index that holds exactly those columns (`createMetricFactsIndex`), so no
 * page visits the facts rows; yields between pages so a long read never blocks the event loop.
 */
export async function loadMetricFacts(db: Kysely<ReadDb>, tables: GenerationTables, from: Date, to: Date): Promise<MetricFacts[]> {
  const facts: MetricFacts[] = [];
  let after: readonly [string, string] | undefined;
  for (;;) {
    let query = db
      .selectFrom(tables.facts)
      .select(METRIC_FACT_COLUMNS.filter((column) => column !== 'ended_at'))
      .where('opened_at', '<', to.toISOString())
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from.toISOString())]));
    // A row-value comparison: both stores read it as one index range (an OR of two conditions made SQLite rescan).
    if (after !== undefined) query = query.where((eb) => eb(eb.refTuple('opened_at', 'ticket_id'), '>', eb.tuple(after![0], after![1])));
    const rows = await query.orderBy('opened_at').orderBy('ticket_id').limit(PAGE).execute();
    for (const row of rows) facts.push(metricFactsOfVersion(row));
    if (rows.length < PAGE) return facts;
    const last = rows[rows.length - 1];
    after = [last.opened_at, last.ticket_id];
    await new Promise((resolve) => setImmediate(resolve));
  }
}
