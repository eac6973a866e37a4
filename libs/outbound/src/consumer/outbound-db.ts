import type { Kysely } from 'kysely';
import type { ReadDb, ReadStore } from '@switchboard/read-models';

/** The consumer's checkpoint in `$all` (migration 15). */
export interface OutboundCheckpointsTable {
  consumer: string;
  position: string | null;
  last_recorded_at: string | null;
  updated_at: string;
}

/** What is left to do for a delivery: `pending` waits for its next attempt, `sending` is being attempted. */
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'given_up';

/** One planned delivery and the state of its attempts (migration 15). */
export interface OutboundDeliveriesTable {
  delivery_id: string;
  destination: string;
  delivery_key: string;
  event_id: string;
  stream_name: string;
  event_type: string;
  position: string;
  /** The planned payload, as JSON. */
  payload: string;
  status: DeliveryStatus;
  /** Attempts made so far, over every round (a replay starts a new round). */
  attempts: number;
  /** Attempts made before the current round: the round gives up after `attempt_base + maxAttempts`. */
  attempt_base: number;
  /** When the delivery loop next has something to do for it (an attempt, or the settled hook); null when nothing. */
  next_attempt_at: string | null;
  last_error: string | null;
  detail: string | null;
  delivered_at: string | null;
  /** When the delivery was settled: delivered, or given up. */
  finished_at: string | null;
  /** 1 while the destination's `settled` hook has still to run for the settled outcome. */
  settle_pending: number;
  settled_at: string | null;
  planned_at: string;
}

/** One attempt of one delivery (migration 15); an attempt its process did not live to finish is `interrupted`. */
export interface OutboundDeliveryAttemptsTable {
  delivery_id: string;
  attempt: number;
  started_at: string;
  finished_at: string | null;
  outcome: 'delivered' | 'failed' | 'interrupted' | null;
  error: string | null;
}

/** A webhook subscriber (migration 15): where to, what it wants, and the secrets that sign for it. */
export interface WebhookSubscriptionsTable {
  subscription_id: string;
  url: string;
  description: string | null;
  /** JSON array of department codes; null: every department. */
  departments: string | null;
  /** JSON array of event types; null: every type. */
  event_types: string | null;
  secret: string;
  /** The secret before the last rotation, which also signs until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: string | null;
  enabled: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** The read store's tables with the outbound side's; the read models' own types stay in `@switchboard/read-models`. */
export interface OutboundDb extends ReadDb {
  ob_checkpoints: OutboundCheckpointsTable;
  ob_deliveries: OutboundDeliveriesTable;
  ob_delivery_attempts: OutboundDeliveryAttemptsTable;
  ob_webhook_subscriptions: WebhookSubscriptionsTable;
}

/** The same connection (or transaction), typed with the outbound tables. */
export const outboundDb = (db: Kysely<ReadDb>): Kysely<OutboundDb> => db as unknown as Kysely<OutboundDb>;

/** Runs `work` in one of the store's write transactions, typed with the outbound tables. */
export const outboundTransaction = <T>(store: ReadStore, work: (trx: Kysely<OutboundDb>) => Promise<T>): Promise<T> =>
  store.writeTransaction((trx) => work(outboundDb(trx)));
