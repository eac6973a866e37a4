import type { Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';
import type { MetricFacts } from '../metrics/completion-metrics';
import { metricFactsOfRow } from '../projection/ticket-row';

const PAGE = 5_000;

/**
 * The facts of every ticket that can count in [from, to): opened before `to` and not ended
 * before `from`. Keyset-paged on the primary key (a range filter in the keyset made SQLite rescan
 * the table for every page), yielding between pages so a long read never blocks the event loop.
 */
export async function loadMetricFacts(db: Kysely<ReadDb>, tables: GenerationTables, from: Date, to: Date): Promise<MetricFacts[]> {
  const facts: MetricFacts[] = [];
  let after: string | undefined;
  for (;;) {
    let query = db
      .selectFrom(tables.facts)
      .select([
        'ticket_id', 'service_code', 'channel', 'owning_department', 'department', 'status', 'opened_at', 'first_assigned_at',
        'assign_business_ms', 'started_at', 'completed_at', 'complete_business_ms', 'closed_at', 'ended_at', 'due_at',
        'sla_started_at', 'on_hold_since', 'on_hold_business_ms', 'on_hold_calendar_ms', 'escalation_count',
        'max_escalation_tier', 'reopen_count', 'first_contact_resolution', 'on_time',
      ])
      .where('opened_at', '<', to.toISOString())
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from.toISOString())]));
    if (after !== undefined) query = query.where('ticket_id', '>', after);
    const rows = await query.orderBy('ticket_id').limit(PAGE).execute();
    for (const row of rows) facts.push(metricFactsOfRow(row));
    if (rows.length < PAGE) return facts;
    after = rows[rows.length - 1].ticket_id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
