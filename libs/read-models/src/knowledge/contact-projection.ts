import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import { type ResidentKeyRing, ticketIdOfStream } from '@switchboard/ticketing';
import { type ContactState, contactStream, evolveContact, initialContactState, type SearchLogRecord } from '@switchboard/knowledge';
import { upsertRows } from '../projection/upsert-rows';
import { applyTally, completedAtIntakeAmong, ContactTally, rebuildContactRollup, rollupZone, ticketsOpenedAt, writeCallbacksAndLinks } from './contact-rollup';
import type { ContactSearchesTable, ContactsTable, ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';
import { residentEmailKey, residentPhoneKey } from '../queries/resident-keys';

const ID_CHUNK = 500;

interface ContactAfterBatch {
  readonly state: ContactState;
  readonly position: string;
  readonly changed: boolean;
  /** The contact as the rollup last counted it. */
  readonly before: ContactState;
}

/** A contact's row: its state as JSON and the columns a metrics range is read by. */
export const contactRow = (contactId: string, state: ContactState, position: string): ContactsTable => ({
  contact_id: contactId,
  state: JSON.stringify(state),
  last_position: position,
  status: state.status,
  channel: state.channel ?? null,
  line: state.line ?? null,
  operator_id: state.operatorId ?? null,
  started_at: state.startedAt ?? null,
  ended_at: state.endedAt ?? null,
  resident_phone_key: residentPhoneKey(state.resident?.phone),
  resident_email_key: residentEmailKey(state.resident?.email),
});

/** What the contact projection needs beside the contact events: the batch's ticket events, and the city's zone whose local days the rollup follows. */
export interface ContactProjectionContext {
  readonly tickets: readonly RecordedEvent[];
  readonly timeZone: string;
  /** The contacts' resident keys: the resident is opened with them (absent: sealed residents project as unknown). */
  readonly residentKeys?: ResidentKeyRing;
}

/** The tickets a batch completes at intake (`TicketCompleted` with `firstContactResolution`). */
const completedAtIntakeIn = (tickets: readonly RecordedEvent[]): string[] => [
  ...new Set(
    tickets.flatMap((event) =>
      event.type === 'TicketCompleted' && (event.data as { firstContactResolution?: unknown }).firstContactResolution === true
        ? [ticketIdOfStream(event.streamName) ?? []].flat()
        : [],
    ),
  ),
];

/**
 * Applies a batch's contact events inside the caller's transaction: each contact is folded by the
 * contact domain's own `evolveContact` and kept as JSON beside its range columns; each
 * `KnowledgeSearched` adds a row to the search log with the line of its contact. `last_position`
 * (and the log's key, the event's position) makes a replayed batch change nothing. The contact
 * rollup (`contact-rollup.ts`) follows in the same transaction: each changed contact is tallied
 * out as it was and in as it is; a ticket completed at intake in the batch re-tallies the contacts
 * that opened it, whenever they ended. A rollup missing or in another zone is first rebuilt.
 */
export async function applyContactEvents(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  events: readonly RecordedEvent[],
  context: ContactProjectionContext,
): Promise<void> {
  if ((await rollupZone(trx)) !== context.timeZone) await rebuildContactRollup(trx, dialect, context.timeZone);
  const completedInBatch = completedAtIntakeIn(context.tickets);
  if (events.length === 0 && completedInBatch.length === 0) return;
  const known = await completedAtIntakeAmong(trx, completedInBatch);
  const newlyCompleted = completedInBatch.filter((ticketId) => !known.has(ticketId));
  const linked = await contactsThatOpened(trx, newlyCompleted);
  const ids = [...new Set([...events.map((event) => contactStream.idOfStream(event.streamName) as string), ...linked])];
  const contacts = await loadContacts(trx, ids);
  const searches: ContactSearchesTable[] = [];
  for (const recorded of events) {
    const id = contactStream.idOfStream(recorded.streamName) as string;
    const current = contacts.get(id);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = contactStream.decode(recorded, context.residentKeys);
    if (!event) continue;
    const state = evolveContact(current?.state ?? initialContactState, event);
    contacts.set(id, { state, position: recorded.globalPosition, changed: true, before: current?.before ?? initialContactState });
    if (event.type === 'KnowledgeSearched') {
      const { query, language, resultCount } = event.data;
      searches.push({
        position: recorded.globalPosition,
        contact_id: id,
        at: event.metadata.occurredAt,
        query,
        line: state.line ?? 'unknown',
        language: language ?? null,
        result_count: resultCount,
      });
    }
  }
  const changed = [...contacts.entries()].filter(([, contact]) => contact.changed);
  const rows = changed.map(([id, contact]) => contactRow(id, contact.state, contact.position));
  await upsertRows(trx, dialect, 'rm_contacts', 'contact_id', rows);
  await upsertRows(trx, dialect, 'rm_contact_searches', 'position', searches);
  const completedBefore = await completedAtIntakeAmong(
    trx,
    [...contacts.values()].flatMap((contact) => [...ticketsOpenedAt(contact.before), ...ticketsOpenedAt(contact.state)]),
  );
  const completedAfter = new Set([...completedBefore, ...newlyCompleted]);
  await upsertRows(
    trx,
    dialect,
    'rm_contact_intake_completions',
    'ticket_id',
    newlyCompleted.map((ticketId) => ({ ticket_id: ticketId })),
  );
  const tally = new ContactTally(context.timeZone);
  for (const contact of contacts.values()) {
    if (!contact.changed && !ticketsOpenedAt(contact.state).some((ticketId) => newlyCompleted.includes(ticketId))) continue;
    tally.add(contact.before, completedBefore, -1);
    tally.add(contact.state, completedAfter, 1);
  }
  await applyTally(trx, dialect, tally);
  await writeCallbacksAndLinks(
    trx,
    dialect,
    context.timeZone,
    changed.map(([, contact]) => contact.state),
    true,
  );
}

async function contactsThatOpened(trx: Kysely<ReadDb>, ticketIds: readonly string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (let i = 0; i < ticketIds.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom('rm_contact_ticket_links')
      .select('contact_id')
      .where('ticket_id', 'in', ticketIds.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) ids.add(row.contact_id);
  }
  return [...ids];
}

async function loadContacts(trx: Kysely<ReadDb>, ids: readonly string[]): Promise<Map<string, ContactAfterBatch>> {
  const contacts = new Map<string, ContactAfterBatch>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom('rm_contacts')
      .select(['contact_id', 'state', 'last_position'])
      .where('contact_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) {
      const state = JSON.parse(row.state) as ContactState;
      contacts.set(row.contact_id, { state, position: row.last_position, changed: false, before: state });
    }
  }
  return contacts;
}

/** A contact as the read side holds it; undefined when no event of it was projected. */
export async function projectedContact(db: Kysely<ReadDb>, contactId: string): Promise<ContactState | undefined> {
  const row = await db.selectFrom('rm_contacts').select('state').where('contact_id', '=', contactId).executeTakeFirst();
  return row && (JSON.parse(row.state) as ContactState);
}

/** What a read of contacts is narrowed to: [from, to) by start, and optionally one line. */
export interface ContactRange {
  readonly from: Date;
  readonly to: Date;
  readonly line?: string;
}

/** The contacts started in [from, to) (on one line, if given), by start. */
export async function projectedContactsIn(db: Kysely<ReadDb>, range: ContactRange): Promise<ContactState[]> {
  let query = db.selectFrom('rm_contacts').select('state').where('started_at', '>=', range.from.toISOString()).where('started_at', '<', range.to.toISOString());
  if (range.line !== undefined) query = query.where('line', '=', range.line);
  const rows = await query.orderBy('started_at').execute();
  return rows.map((row) => JSON.parse(row.state) as ContactState);
}

/** The searches run in [from, to) (for contacts on one line, if given) that found nothing: the search log the gaps list reads. */
export async function unansweredSearchLog(db: Kysely<ReadDb>, range: ContactRange): Promise<SearchLogRecord[]> {
  let query = db
    .selectFrom('rm_contact_searches')
    .select(['at', 'query', 'line', 'language', 'result_count'])
    .where('result_count', '=', 0)
    .where('at', '>=', range.from.toISOString())
    .where('at', '<', range.to.toISOString());
  if (range.line !== undefined) query = query.where('line', '=', range.line);
  const rows = await query.orderBy('at').execute();
  return rows.map((row) => ({
    at: row.at,
    query: row.query,
    line: row.line,
    ...(row.language ? { language: row.language } : {}),
    resultCount: Number(row.result_count),
  }));
}
