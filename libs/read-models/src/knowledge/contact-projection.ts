import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import { type ContactState, contactStream, evolveContact, initialContactState, type SearchLogRecord } from '@switchboard/knowledge';
import { upsertRows } from '../projection/upsert-rows';
import type { ContactSearchesTable, ContactsTable, ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';

const ID_CHUNK = 500;

interface ContactAfterBatch {
  readonly state: ContactState;
  readonly position: string;
  readonly changed: boolean;
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
});

/**
 * Applies a batch's contact events inside the caller's transaction: each contact is folded by the
 * contact domain's own `evolveContact` and kept as JSON beside its range columns; each
 * `KnowledgeSearched` adds a row to the search log with the line of its contact. `last_position`
 * (and the log's key, the event's position) makes a replayed batch change nothing.
 */
export async function applyContactEvents(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.map((event) => contactStream.idOfStream(event.streamName) as string))];
  const contacts = await loadContacts(trx, ids);
  const searches: ContactSearchesTable[] = [];
  for (const recorded of events) {
    const id = contactStream.idOfStream(recorded.streamName) as string;
    const current = contacts.get(id);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = contactStream.decode(recorded);
    if (!event) continue;
    const state = evolveContact(current?.state ?? initialContactState, event);
    contacts.set(id, { state, position: recorded.globalPosition, changed: true });
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
  const rows = [...contacts.entries()].filter(([, contact]) => contact.changed).map(([id, contact]) => contactRow(id, contact.state, contact.position));
  await upsertRows(trx, dialect, 'rm_contacts', 'contact_id', rows);
  await upsertRows(trx, dialect, 'rm_contact_searches', 'position', searches);
}

async function loadContacts(trx: Kysely<ReadDb>, ids: readonly string[]): Promise<Map<string, ContactAfterBatch>> {
  const contacts = new Map<string, ContactAfterBatch>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom('rm_contacts')
      .select(['contact_id', 'state', 'last_position'])
      .where('contact_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) contacts.set(row.contact_id, { state: JSON.parse(row.state) as ContactState, position: row.last_position, changed: false });
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
