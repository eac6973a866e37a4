import type { Kysely } from 'kysely';
import type { ReadDb, ReadStore } from '@switchboard/read-models';
import { DAY_MS, instantOfWallTime, isoDateOfDay, parseClockTime, type Role, type StaffDeliveryMode, wallTimeOf } from '@switchboard/ticketing';

// How each member of staff wants to hear of tickets that need them (migration 17): at once, in one
// daily digest at a local time of their choosing, or not at all; and where to write. A staff
// member's work address is the city's, not a resident's: it is kept in the clear here, apart from
// the log, and never copied into a delivery.

export interface StaffNotificationPreference {
  readonly staffId: string;
  readonly role: Role;
  readonly department?: string;
  readonly email: string;
  readonly delivery: StaffDeliveryMode;
  /** The digest's local time in the city's zone, `HH:MM`. */
  readonly digestTime: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

interface PrefsTable {
  staff_id: string;
  role: string;
  department: string | null;
  email: string;
  delivery: string;
  digest_time: string;
  updated_at: string;
  updated_by: string;
}

interface DigestPartsTable {
  delivery_id: string;
  digest_key: string;
  message_id: string;
  sent_at: string;
}

export interface StaffNotificationDb extends ReadDb {
  ob_staff_notification_prefs: PrefsTable;
  ob_staff_digest_parts: DigestPartsTable;
}

export const DEFAULT_DIGEST_TIME = '07:30';

const preferenceOf = (row: PrefsTable): StaffNotificationPreference => ({
  staffId: row.staff_id,
  role: row.role as Role,
  ...(row.department ? { department: row.department } : {}),
  email: row.email,
  delivery: row.delivery as StaffDeliveryMode,
  digestTime: row.digest_time,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export class StaffNotificationPreferences {
  private readonly db: Kysely<StaffNotificationDb>;

  constructor(private readonly store: ReadStore) {
    this.db = store.db as unknown as Kysely<StaffNotificationDb>;
  }

  async get(staffId: string): Promise<StaffNotificationPreference | undefined> {
    const row = await this.db.selectFrom('ob_staff_notification_prefs').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
    return row && preferenceOf(row);
  }

  /** Everyone's, by staff id. */
  async list(): Promise<StaffNotificationPreference[]> {
    return (await this.db.selectFrom('ob_staff_notification_prefs').selectAll().orderBy('staff_id').execute()).map(preferenceOf);
  }

  /** Whose preferences a role (and department) holds: the heads of a department, the directors. */
  async withRole(role: Role, department?: string): Promise<StaffNotificationPreference[]> {
    let query = this.db.selectFrom('ob_staff_notification_prefs').selectAll().where('role', '=', role);
    if (department !== undefined) query = query.where('department', '=', department);
    return (await query.orderBy('staff_id').execute()).map(preferenceOf);
  }

  /** Sets a staff member's preference, replacing the one they had. */
  async set(preference: StaffNotificationPreference): Promise<void> {
    const row: PrefsTable = {
      staff_id: preference.staffId,
      role: preference.role,
      department: preference.department ?? null,
      email: preference.email,
      delivery: preference.delivery,
      digest_time: preference.digestTime,
      updated_at: preference.updatedAt,
      updated_by: preference.updatedBy,
    };
    const { staff_id: _key, ...rest } = row;
    await this.store.writeTransaction((trx) =>
      (trx as unknown as Kysely<StaffNotificationDb>)
        .insertInto('ob_staff_notification_prefs')
        .values(row)
        .onConflict((oc) => oc.column('staff_id').doUpdateSet(rest))
        .execute(),
    );
  }

  /** The deliveries a digest already sent, of those given. */
  async sentInDigest(deliveryIds: readonly string[]): Promise<Map<string, string>> {
    if (deliveryIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('ob_staff_digest_parts').select(['delivery_id', 'message_id']).where('delivery_id', 'in', deliveryIds).execute();
    return new Map(rows.map((row) => [row.delivery_id, row.message_id]));
  }

  /** Records the deliveries one digest message carried. */
  async recordDigest(digestKey: string, messageId: string, deliveryIds: readonly string[], sentAt: Date): Promise<void> {
    await this.store.writeTransaction((trx) =>
      (trx as unknown as Kysely<StaffNotificationDb>)
        .insertInto('ob_staff_digest_parts')
        .values(deliveryIds.map((id) => ({ delivery_id: id, digest_key: digestKey, message_id: messageId, sent_at: sentAt.toISOString() })))
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute(),
    );
  }
}

/** A digest time as a staff member gives it: `HH:MM`, 00:00 to 23:59. */
export const isDigestTime = (text: string): boolean => {
  const minutes = parseClockTime(text);
  return minutes !== undefined && minutes < 24 * 60;
};

/**
 * The digest a notice of `at` goes in: the first digest time (local, in the city's zone) after it —
 * today's if it is still to come, else tomorrow's — as the local date and the instant it is due.
 */
export function nextDigest(at: Date, digestTime: string, timeZone: string): { readonly date: string; readonly due: Date } {
  const minutes = parseClockTime(digestTime) ?? parseClockTime(DEFAULT_DIGEST_TIME)!;
  const wall = wallTimeOf(timeZone, at.getTime());
  const today = Math.floor(wall / DAY_MS);
  const day = wall < today * DAY_MS + minutes * 60_000 ? today : today + 1;
  return { date: isoDateOfDay(day), due: new Date(instantOfWallTime(timeZone, day * DAY_MS + minutes * 60_000)) };
}
