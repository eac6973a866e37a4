import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';

/**
 * Migration 15: the outbound consumer's own tables (`libs/outbound`). Its checkpoint in `$all`
 * (`ob_checkpoints`, one row per consumer; its lease is a row of `rm_leases`), the delivery log
 * (`ob_deliveries`: one row per planned delivery, keyed by `<destination>:<event id>:<key>`,
 * inserted in the same transaction as the checkpoint moves past its event, then updated by every
 * attempt), every attempt of every delivery (`ob_delivery_attempts`), and the webhook
 * subscriptions (`ob_webhook_subscriptions`). `next_attempt_at` is set only while something is
 * still to be done for a delivery (an attempt, or its destination's `settled` hook), so the index
 * the delivery loop reads holds only those rows. Not generational: a rebuild of the read models
 * never touches what was delivered.
 */
export async function addOutbound(db: Kysely<ReadDb>): Promise<void> {
  await sql`create table ob_checkpoints (
    consumer text primary key,
    position text,
    last_recorded_at text,
    updated_at text not null
  )`.execute(db);
  await sql`create table ob_deliveries (
    delivery_id text primary key,
    destination text not null,
    delivery_key text not null,
    event_id text not null,
    stream_name text not null,
    event_type text not null,
    position text not null,
    payload text not null,
    status text not null,
    attempts integer not null,
    attempt_base integer not null,
    next_attempt_at text,
    last_error text,
    detail text,
    delivered_at text,
    finished_at text,
    settle_pending integer not null,
    settled_at text,
    planned_at text not null
  )`.execute(db);
  await sql`create index ob_deliveries_due on ob_deliveries (next_attempt_at) where next_attempt_at is not null`.execute(db);
  await sql`create index ob_deliveries_by_key on ob_deliveries (destination, delivery_key, position)`.execute(db);
  await sql`create index ob_deliveries_by_status on ob_deliveries (destination, status)`.execute(db);
  await sql`create table ob_delivery_attempts (
    delivery_id text not null,
    attempt integer not null,
    started_at text not null,
    finished_at text,
    outcome text,
    error text,
    primary key (delivery_id, attempt)
  )`.execute(db);
  await sql`create table ob_webhook_subscriptions (
    subscription_id text primary key,
    url text not null,
    description text,
    departments text,
    event_types text,
    secret text not null,
    previous_secret text,
    previous_secret_until text,
    enabled integer not null,
    created_at text not null,
    created_by text not null,
    updated_at text not null
  )`.execute(db);
}
