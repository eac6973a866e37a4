import { sql, type Kysely } from 'kysely';
import type { GlobalPosition, RecordedEvent } from '@switchboard/event-store';
import type { DeliveryAttempt, DeliveryOutcome, PlannedDelivery, SettledDelivery } from '../destination';
import type { DeliveryStatus, OutboundDb, OutboundDeliveriesTable } from './outbound-db';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

/** `<destination id>:<event id>:<key>`: one delivery, the same for all its attempts and across restarts. */
export const deliveryIdOf = (destinationId: string, eventId: string, key: string): string => `${destinationId}:${eventId}:${key}`;

/** How long a settled hook may run before another pass of the delivery loop may run it again (after a crash). */
const SETTLE_CLAIM_MS = 60_000;

/** Rows per insert: well under SQLite's bound on parameters (18 columns each). */
const INSERT_CHUNK = 200;

/** A delivery as planned for one event at one destination, ready to be written to the log. */
export interface PlannedRow {
  readonly destinationId: string;
  readonly event: RecordedEvent;
  readonly planned: PlannedDelivery;
  /** Whether the destination has a `settled` hook to run once the delivery is settled. */
  readonly hasSettledHook: boolean;
}

/** Where a consumer stands in `$all`; `exists` is false before its first activation. */
export interface OutboundCheckpoint {
  readonly exists: boolean;
  readonly position: GlobalPosition | undefined;
  readonly lastRecordedAt: Date | undefined;
}

export async function readOutboundCheckpoint(db: Kysely<OutboundDb>, consumer: string): Promise<OutboundCheckpoint> {
  const row = await db.selectFrom('ob_checkpoints').select(['position', 'last_recorded_at']).where('consumer', '=', consumer).executeTakeFirst();
  return {
    exists: row !== undefined,
    position: row?.position ?? undefined,
    lastRecordedAt: row?.last_recorded_at ? new Date(row.last_recorded_at) : undefined,
  };
}

/** Moves (or first sets) the consumer's checkpoint; call it in the transaction that writes the batch's deliveries. */
export async function writeOutboundCheckpoint(
  trx: Kysely<OutboundDb>,
  consumer: string,
  position: GlobalPosition | undefined,
  lastRecordedAt: Date | undefined,
  now: Date,
): Promise<void> {
  const values = { position: position ?? null, last_recorded_at: lastRecordedAt?.toISOString() ?? null, updated_at: now.toISOString() };
  await trx
    .insertInto('ob_checkpoints')
    .values({ consumer, ...values })
    .onConflict((conflict) => conflict.column('consumer').doUpdateSet(values))
    .execute();
}

function rowOf(row: PlannedRow, now: Date): OutboundDeliveriesTable {
  const { destinationId, event, planned } = row;
  return {
    delivery_id: deliveryIdOf(destinationId, event.id, planned.key),
    destination: destinationId,
    delivery_key: planned.key,
    event_id: event.id,
    stream_name: event.streamName,
    event_type: event.type,
    position: event.globalPosition,
    payload: JSON.stringify(planned.payload),
    status: 'pending',
    attempts: 0,
    attempt_base: 0,
    next_attempt_at: (planned.notBefore ?? now).toISOString(),
    last_error: null,
    detail: null,
    delivered_at: null,
    finished_at: null,
    settle_pending: row.hasSettledHook ? 1 : 0,
    settled_at: null,
    planned_at: now.toISOString(),
  };
}

/** Writes planned deliveries; one already in the log (a batch planned again after a crash) is left as it is. */
export async function insertPlanned(trx: Kysely<OutboundDb>, rows: readonly PlannedRow[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows.slice(i, i + INSERT_CHUNK).map((row) => rowOf(row, now));
    await trx
      .insertInto('ob_deliveries')
      .values(values)
      .onConflict((conflict) => conflict.column('delivery_id').doNothing())
      .execute();
  }
}

/**
 * Plans deliveries again on purpose (a replay): a new delivery is written, one already in the log
 * starts a new round — pending at once, with the policy's attempts again — whatever it ended as.
 * Its attempts so far stay recorded.
 */
export async function scheduleRedelivery(trx: Kysely<OutboundDb>, rows: readonly PlannedRow[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows.slice(i, i + INSERT_CHUNK).map((row) => rowOf(row, now));
    await trx
      .insertInto('ob_deliveries')
      .values(values)
      .onConflict((conflict) =>
        conflict.column('delivery_id').doUpdateSet((eb) => ({
          payload: eb.ref('excluded.payload'),
          status: 'pending',
          attempt_base: eb.ref('ob_deliveries.attempts'),
          next_attempt_at: now.toISOString(),
          last_error: null,
          finished_at: null,
          settle_pending: eb.ref('excluded.settle_pending'),
          settled_at: null,
        })),
      )
      .execute();
  }
}

/** What the delivery loop has to do for a row: attempt it, or run its destination's settled hook. */
export type DueWork = { readonly kind: 'attempt'; readonly row: OutboundDeliveriesTable } | { readonly kind: 'settle'; readonly row: OutboundDeliveriesTable };

/**
 * Takes up to `limit` rows due at `now`, oldest first: pending ones become `sending` with their
 * attempt counted and recorded as started (so an attempt its process does not live to finish is
 * still counted), settled ones whose hook has to run are returned as they are.
 */
export async function claimDue(trx: Kysely<OutboundDb>, now: Date, limit: number): Promise<DueWork[]> {
  const at = now.toISOString();
  const rows = await trx
    .selectFrom('ob_deliveries')
    .selectAll()
    .where('next_attempt_at', 'is not', null)
    .where('next_attempt_at', '<=', at)
    .where('status', '!=', 'sending')
    .orderBy('next_attempt_at')
    .orderBy('delivery_id')
    .limit(limit)
    .execute();
  const work: DueWork[] = [];
  for (const row of rows) {
    if (row.status !== 'pending') {
      // Not due again while its hook runs; due again if this process dies before it finishes.
      const until = new Date(now.getTime() + SETTLE_CLAIM_MS).toISOString();
      await trx.updateTable('ob_deliveries').set({ next_attempt_at: until }).where('delivery_id', '=', row.delivery_id).execute();
      work.push({ kind: 'settle', row });
      continue;
    }
    const attempts = row.attempts + 1;
    await trx.updateTable('ob_deliveries').set({ status: 'sending', attempts, next_attempt_at: at }).where('delivery_id', '=', row.delivery_id).execute();
    await trx
      .insertInto('ob_delivery_attempts')
      .values({ delivery_id: row.delivery_id, attempt: attempts, started_at: at, finished_at: null, outcome: null, error: null })
      .execute();
    work.push({ kind: 'attempt', row: { ...row, status: 'sending', attempts } });
  }
  return work;
}

/** The earliest moment something is due, or undefined when nothing is left to do. */
export async function nextDueAt(db: Kysely<OutboundDb>): Promise<Date | undefined> {
  const row = await db
    .selectFrom('ob_deliveries')
    .select('next_attempt_at')
    .where('next_attempt_at', 'is not', null)
    .where('status', '!=', 'sending')
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  return row?.next_attempt_at ? new Date(row.next_attempt_at) : undefined;
}

/**
 * Attempts a process did not live to finish (it crashed or lost its lease mid-delivery): their rows
 * are pending again at once and the attempts recorded as interrupted. The receiver may have got
 * them: the next attempt carries the same delivery id, so it can drop the duplicate.
 */
export async function resumeInterrupted(trx: Kysely<OutboundDb>, now: Date): Promise<number> {
  const at = now.toISOString();
  // A row being sent keeps its claim time in next_attempt_at: the partial index of due rows finds it.
  const sending = await trx
    .selectFrom('ob_deliveries')
    .select(['delivery_id', 'attempts'])
    .where('next_attempt_at', 'is not', null)
    .where('status', '=', 'sending')
    .execute();
  for (const row of sending) {
    await trx
      .updateTable('ob_delivery_attempts')
      .set({ finished_at: at, outcome: 'interrupted', error: 'the attempt was interrupted (the consumer stopped or lost its lease)' })
      .where('delivery_id', '=', row.delivery_id)
      .where('attempt', '=', row.attempts)
      .where('finished_at', 'is', null)
      .execute();
    await trx
      .updateTable('ob_deliveries')
      .set({ status: 'pending', next_attempt_at: at, last_error: 'interrupted' })
      .where('delivery_id', '=', row.delivery_id)
      .execute();
  }
  return sending.length;
}

/** What recording an attempt's outcome decided. */
export type RecordedOutcome =
  | { readonly status: 'delivered' | 'given_up'; readonly settled: SettledDelivery; readonly settlePending: boolean }
  | { readonly status: 'retrying'; readonly nextAttemptAt: Date }
  /** The row was no longer this attempt's (the consumer stepped back and the attempt was resumed as interrupted). */
  | { readonly status: 'superseded' };

/** Records the outcome of an attempt claimed by `claimDue`: delivered, retried after a back-off, or given up. */
export async function recordOutcome(
  trx: Kysely<OutboundDb>,
  row: OutboundDeliveriesTable,
  outcome: DeliveryOutcome,
  now: Date,
  policy: RetryPolicy,
  random: () => number,
): Promise<RecordedOutcome> {
  const at = now.toISOString();
  const error = outcome.status === 'failed' ? outcome.error.slice(0, 2000) : null;
  const attempt = await trx
    .updateTable('ob_delivery_attempts')
    .set({ finished_at: at, outcome: outcome.status, error })
    .where('delivery_id', '=', row.delivery_id)
    .where('attempt', '=', row.attempts)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  if (Number(attempt.numUpdatedRows) !== 1) return { status: 'superseded' };
  const roundAttempts = row.attempts - row.attempt_base;
  const settlePending = row.settle_pending === 1;
  let status: DeliveryStatus;
  let result: RecordedOutcome;
  if (outcome.status === 'delivered') {
    status = 'delivered';
    result = { status, settled: { status, at: now, attempts: row.attempts, ...(outcome.detail ? { detail: outcome.detail } : {}) }, settlePending };
  } else if (!outcome.retryable || roundAttempts >= policy.maxAttempts) {
    status = 'given_up';
    result = { status, settled: { status, at: now, attempts: row.attempts, error: outcome.error }, settlePending };
  } else {
    status = 'pending';
    result = { status: 'retrying', nextAttemptAt: new Date(now.getTime() + retryDelayMs(roundAttempts, policy, random)) };
  }
  const final = status !== 'pending';
  await trx
    .updateTable('ob_deliveries')
    .set({
      status,
      // A settled hook to run is run by this attempt at once; it falls due again only if that is not seen through.
      next_attempt_at: final
        ? settlePending
          ? new Date(now.getTime() + SETTLE_CLAIM_MS).toISOString()
          : null
        : (result as { nextAttemptAt: Date }).nextAttemptAt.toISOString(),
      last_error: error,
      detail: outcome.status === 'delivered' ? (outcome.detail ?? null) : null,
      delivered_at: status === 'delivered' ? at : null,
      finished_at: final ? at : null,
      settled_at: final && !settlePending ? at : null,
    })
    .where('delivery_id', '=', row.delivery_id)
    .execute();
  return result;
}

/** The settled hook ran: nothing is left to do for the delivery. */
export async function markSettled(trx: Kysely<OutboundDb>, deliveryId: string, now: Date): Promise<void> {
  await trx
    .updateTable('ob_deliveries')
    .set({ settle_pending: 0, settled_at: now.toISOString(), next_attempt_at: null })
    .where('delivery_id', '=', deliveryId)
    .execute();
}

/** The settled hook failed: it runs again at `retryAt`. */
export async function retrySettledHookAt(trx: Kysely<OutboundDb>, deliveryId: string, retryAt: Date, error: string): Promise<void> {
  await trx
    .updateTable('ob_deliveries')
    .set({ next_attempt_at: retryAt.toISOString(), last_error: `settled hook: ${error}`.slice(0, 2000) })
    .where('delivery_id', '=', deliveryId)
    .execute();
}

/** The attempt a row stands for, as destinations receive it. */
export function attemptOf(row: OutboundDeliveriesTable): DeliveryAttempt {
  return {
    deliveryId: row.delivery_id,
    destinationId: row.destination,
    key: row.delivery_key,
    eventId: row.event_id,
    streamName: row.stream_name,
    eventType: row.event_type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    attempt: Math.max(row.attempts, 1),
  };
}

/** The outcome a settled row records, for its destination's settled hook. */
export function settledOf(row: OutboundDeliveriesTable): SettledDelivery {
  const at = new Date(row.finished_at ?? row.planned_at);
  return row.status === 'delivered'
    ? { status: 'delivered', at, attempts: row.attempts, ...(row.detail ? { detail: row.detail } : {}) }
    : { status: 'given_up', at, attempts: row.attempts, error: row.last_error ?? 'given up' };
}

/** Deliveries of each destination by status: the figures of the deliveries metric. */
export async function deliveriesByStatus(db: Kysely<OutboundDb>): Promise<{ destination: string; status: DeliveryStatus; count: number }[]> {
  const rows = await db
    .selectFrom('ob_deliveries')
    .select(['destination', 'status', sql<string | number>`count(*)`.as('count')])
    .groupBy(['destination', 'status'])
    .execute();
  return rows.map((row) => ({ destination: row.destination, status: row.status, count: Number(row.count) }));
}

/** One delivery as its log shows it, with every attempt. */
export interface DeliveryRecord {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamName: string;
  readonly position: GlobalPosition;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly plannedAt: string;
  readonly nextAttemptAt?: string;
  readonly lastError?: string;
  readonly detail?: string;
  readonly deliveredAt?: string;
  readonly finishedAt?: string;
  readonly attemptLog: readonly {
    readonly attempt: number;
    readonly startedAt: string;
    readonly finishedAt?: string;
    readonly outcome?: string;
    readonly error?: string;
  }[];
}

export interface DeliveryLogPage {
  readonly deliveries: readonly DeliveryRecord[];
  /** Pass as `before` for the next (older) page; absent on the last. */
  readonly next?: GlobalPosition;
}

/** One destination's deliveries under one key (a webhook subscription), newest event first, in pages before a position. */
export async function deliveryLog(
  db: Kysely<OutboundDb>,
  destinationId: string,
  key: string,
  page: { readonly before?: GlobalPosition; readonly limit: number },
): Promise<DeliveryLogPage> {
  let query = db.selectFrom('ob_deliveries').selectAll().where('destination', '=', destinationId).where('delivery_key', '=', key);
  if (page.before !== undefined) query = query.where('position', '<', page.before);
  const rows = await query
    .orderBy('position', 'desc')
    .orderBy('delivery_id')
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit);
  const attempts =
    shown.length === 0
      ? []
      : await db
          .selectFrom('ob_delivery_attempts')
          .selectAll()
          .where(
            'delivery_id',
            'in',
            shown.map((row) => row.delivery_id),
          )
          .orderBy('attempt')
          .execute();
  const deliveries = shown.map((row): DeliveryRecord => ({
    deliveryId: row.delivery_id,
    eventId: row.event_id,
    eventType: row.event_type,
    streamName: row.stream_name,
    position: row.position,
    status: row.status,
    attempts: row.attempts,
    plannedAt: row.planned_at,
    ...(row.next_attempt_at && (row.status === 'pending' || row.status === 'sending') ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
    ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    attemptLog: attempts
      .filter((attempt) => attempt.delivery_id === row.delivery_id)
      .map((attempt) => ({
        attempt: attempt.attempt,
        startedAt: attempt.started_at,
        ...(attempt.finished_at ? { finishedAt: attempt.finished_at } : {}),
        ...(attempt.outcome ? { outcome: attempt.outcome } : {}),
        ...(attempt.error ? { error: attempt.error } : {}),
      })),
  }));
  return { deliveries, ...(rows.length > page.limit ? { next: shown[shown.length - 1].position } : {}) };
}
