import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';

/**
 * Migration 17: staff notifications (`libs/outbound/src/notifications`). Each staff member's
 * preference (`ob_staff_notification_prefs`: where to write, immediate / daily digest / none, the
 * digest's local time, and who set it when) and the parts of every daily digest sent
 * (`ob_staff_digest_parts`: which planned delivery went out in which digest message), so a digest's
 * other deliveries, performed after it, know they were sent with it. Not generational: a rebuild
 * never touches them.
 */
export async function addStaffNotifications(db: Kysely<ReadDb>): Promise<void> {
  await sql`create table ob_staff_notification_prefs (
    staff_id text primary key,
    role text not null,
    department text,
    email text not null,
    delivery text not null,
    digest_time text not null,
    updated_at text not null,
    updated_by text not null
  )`.execute(db);
  await sql`create index ob_staff_notification_prefs_role on ob_staff_notification_prefs (role, department)`.execute(db);
  await sql`create table ob_staff_digest_parts (
    delivery_id text primary key,
    digest_key text not null,
    message_id text not null,
    sent_at text not null
  )`.execute(db);
  await sql`create index ob_staff_digest_parts_digest on ob_staff_digest_parts (digest_key)`.execute(db);
}
