import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import {
  type AvailabilityState,
  availabilityStream,
  evolveAvailability,
  evolveRoster,
  initialAvailabilityState,
  initialRosterState,
  type RosterState,
  rosterStream,
} from '@switchboard/knowledge';
import { upsertRows } from '../projection/upsert-rows';
import type { PhoneAvailabilityTable, PhoneAvailableSpansTable, PhoneRosterVersionsTable, ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';

const ID_CHUNK = 500;

interface Folded<S> {
  readonly state: S;
  readonly position: string;
  readonly changed: boolean;
  readonly openSpan?: string | null;
}

/**
 * Applies a batch's roster and availability events inside the caller's transaction. Each record is
 * folded by its domain's own `evolve` and kept as JSON; every roster event adds the version it
 * leaves, from the event's time; every mark of available opens a span, closed (at the end of the
 * local day, or earlier when they mark away or mark again). `last_position` (and each row's
 * position key) makes a replayed batch change nothing.
 */
export async function applyPhoneCoverageEvents(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, events: readonly RecordedEvent[]): Promise<void> {
  const rosterEvents = events.filter((e) => rosterStream.idOfStream(e.streamName) !== undefined);
  const availabilityEvents = events.filter((e) => availabilityStream.idOfStream(e.streamName) !== undefined);
  if (rosterEvents.length > 0) await applyRosterEvents(trx, dialect, rosterEvents);
  if (availabilityEvents.length > 0) await applyAvailabilityEvents(trx, dialect, availabilityEvents);
}

async function applyRosterEvents(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, events: readonly RecordedEvent[]): Promise<void> {
  const ids = [...new Set(events.map((e) => rosterStream.idOfStream(e.streamName) as string))];
  const rosters = new Map<string, Folded<RosterState>>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom('rm_phone_rosters')
      .selectAll()
      .where('department', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) rosters.set(row.department, { state: JSON.parse(row.state) as RosterState, position: row.last_position, changed: false });
  }
  const versions: PhoneRosterVersionsTable[] = [];
  for (const recorded of events) {
    const department = rosterStream.idOfStream(recorded.streamName) as string;
    const current = rosters.get(department);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = rosterStream.decode(recorded);
    if (!event) continue;
    const state = evolveRoster(current?.state ?? initialRosterState, event);
    rosters.set(department, { state, position: recorded.globalPosition, changed: true });
    const schedule = { slots: state.slots, exceptions: state.exceptions };
    versions.push({ position: recorded.globalPosition, department, effective_at: event.metadata.occurredAt, state: JSON.stringify(schedule) });
  }
  const rows = [...rosters.entries()]
    .filter(([, r]) => r.changed)
    .map(([department, r]) => ({ department, state: JSON.stringify(r.state), last_position: r.position }));
  await upsertRows(trx, dialect, 'rm_phone_rosters', 'department', rows);
  await upsertRows(trx, dialect, 'rm_phone_roster_versions', 'position', versions);
}

/** The span of a mark of available, ending at `end` when that comes before the mark lapses. */
const spanOf = (position: string, state: AvailabilityState, end?: string): PhoneAvailableSpansTable => ({
  position,
  staff_id: state.staffId!,
  department: state.department!,
  from_at: state.since!,
  until_at: end !== undefined && Date.parse(end) < Date.parse(state.until!) ? end : state.until!,
});

async function applyAvailabilityEvents(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, events: readonly RecordedEvent[]): Promise<void> {
  const ids = [...new Set(events.map((e) => availabilityStream.idOfStream(e.streamName) as string))];
  const staff = new Map<string, Folded<AvailabilityState>>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom('rm_phone_availability')
      .selectAll()
      .where('staff_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) {
      staff.set(row.staff_id, { state: JSON.parse(row.state) as AvailabilityState, position: row.last_position, changed: false, openSpan: row.open_span });
    }
  }
  const spans = new Map<string, PhoneAvailableSpansTable>();
  for (const recorded of events) {
    const staffId = availabilityStream.idOfStream(recorded.streamName) as string;
    const current = staff.get(staffId);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = availabilityStream.decode(recorded);
    if (!event) continue;
    const before = current?.state ?? initialAvailabilityState;
    const state = evolveAvailability(before, event);
    if (current?.openSpan) spans.set(current.openSpan, spanOf(current.openSpan, before, event.metadata.occurredAt));
    const openSpan = state.status === 'available' ? recorded.globalPosition : null;
    if (openSpan) spans.set(openSpan, spanOf(openSpan, state));
    staff.set(staffId, { state, position: recorded.globalPosition, changed: true, openSpan });
  }
  const rows: PhoneAvailabilityTable[] = [...staff.entries()]
    .filter(([, s]) => s.changed)
    .map(([staffId, s]) => ({
      staff_id: staffId,
      department: s.state.department ?? null,
      status: s.state.status,
      state: JSON.stringify(s.state),
      open_span: s.openSpan ?? null,
      last_position: s.position,
    }));
  await upsertRows(trx, dialect, 'rm_phone_availability', 'staff_id', rows);
  await upsertRows(trx, dialect, 'rm_phone_available_spans', 'position', [...spans.values()]);
}
