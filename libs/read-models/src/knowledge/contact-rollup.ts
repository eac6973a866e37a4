import { type Kysely, sql } from 'kysely';
import { answeredAtFirstContact, type ContactState, localClock } from '@switchboard/knowledge';
import { upsertRows } from '../projection/upsert-rows';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type {
  ContactArticleDaysTable,
  ContactCallbacksTable,
  ContactDaysTable,
  ContactHoursTable,
  ContactTicketLinksTable,
  ContactTransferDaysTable,
  ReadDb,
} from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';

const CHUNK = 500;
const SEPARATOR = '\u001f';

/** A day cell as tallied: the counts, and the handle times (ms) it gains and loses. */
export interface DayTally extends Omit<ContactDaysTable, 'handle_ms'> {
  added: number[];
  removed: number[];
}

/** The local day, weekday (0 = Monday) and hour a contact started, in the rollup's zone. */
export function localStart(startedAt: string, timeZone: string): { day: string; weekday: number; hour: number } {
  const local = localClock(Date.parse(startedAt), timeZone);
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}

/** The instants as the callbacks table holds them: `Date#toISOString`, so comparing the text compares the instants. */
const isoOf = (instant: string | undefined): string | null => (instant === undefined ? null : new Date(Date.parse(instant)).toISOString());

/**
 * What contacts add to the contact rollup (migration 9), cell by cell: a contact counts in the cells
 * of the local day it started on — by line and channel (counts, first-contact answer, handle time),
 * by department for each department it was transferred to, by line for each article it used, and
 * by line and local hour. Adding a contact with sign −1 takes it out: the projection tallies each
 * changed contact out as it was and in as it is, so the rollup always equals the tally of the
 * contacts in `rm_contacts` with the tickets completed at intake known to the store.
 */
export class ContactTally {
  readonly days = new Map<string, DayTally>();
  readonly transfers = new Map<string, ContactTransferDaysTable>();
  readonly articles = new Map<string, ContactArticleDaysTable>();
  readonly hours = new Map<string, ContactHoursTable>();

  constructor(private readonly timeZone: string) {}

  add(contact: ContactState, completedAtIntake: ReadonlySet<string>, sign: 1 | -1 = 1): void {
    if (contact.startedAt === undefined) return;
    const { day, weekday, hour } = localStart(contact.startedAt, this.timeZone);
    const line = contact.line ?? '';
    const channel = contact.channel ?? '';
    const handled = contact.outcome === 'handled';
    const endedHandled = contact.status === 'ended' && handled;
    const cell = [day, line, channel].join(SEPARATOR);
    const dayTally = this.days.get(cell) ?? {
      cell,
      day,
      line,
      channel,
      contacts: 0,
      handled: 0,
      abandoned: 0,
      open: 0,
      ended_handled: 0,
      answered: 0,
      added: [],
      removed: [],
    };
    dayTally.contacts += sign;
    dayTally.handled += handled ? sign : 0;
    dayTally.abandoned += contact.outcome === 'abandoned' ? sign : 0;
    dayTally.open += contact.status !== 'ended' ? sign : 0;
    dayTally.ended_handled += endedHandled ? sign : 0;
    dayTally.answered += endedHandled && answeredAtFirstContact(contact, completedAtIntake) ? sign : 0;
    if (contact.endedAt !== undefined && handled)
      (sign > 0 ? dayTally.added : dayTally.removed).push(Date.parse(contact.endedAt) - Date.parse(contact.startedAt));
    this.days.set(cell, dayTally);

    const transfers = new Map<string, { transfers: number; reached: number }>();
    const articles = new Map<string, number>();
    for (const step of contact.steps) {
      if (step.kind === 'transfer') {
        const counts = transfers.get(step.department) ?? { transfers: 0, reached: 0 };
        counts.transfers += 1;
        counts.reached += step.reached ? 1 : 0;
        transfers.set(step.department, counts);
      } else if (step.kind === 'article_used') articles.set(step.articleId, (articles.get(step.articleId) ?? 0) + 1);
    }
    for (const [department, counts] of transfers) {
      const key = [day, department].join(SEPARATOR);
      const row = this.transfers.get(key) ?? { cell: key, day, department, transferred: 0, transfers: 0, reached: 0 };
      row.transferred += sign;
      row.transfers += sign * counts.transfers;
      row.reached += sign * counts.reached;
      this.transfers.set(key, row);
    }
    for (const [articleId, uses] of articles) {
      const key = [day, line, articleId].join(SEPARATOR);
      const row = this.articles.get(key) ?? { cell: key, day, line, article_id: articleId, contacts: 0, uses: 0 };
      row.contacts += sign;
      row.uses += sign * uses;
      this.articles.set(key, row);
    }
    const hourKey = [day, hour, line].join(SEPARATOR);
    const hourRow = this.hours.get(hourKey) ?? { cell: hourKey, day, weekday, hour, line, contacts: 0 };
    hourRow.contacts += sign;
    this.hours.set(hourKey, hourRow);
  }
}

/** A contact's callbacks as rows of `rm_contact_callbacks`. */
export function callbackRows(contact: ContactState): ContactCallbacksTable[] {
  if (contact.startedAt === undefined || contact.contactId === undefined) return [];
  return contact.callbacks.map((callback) => ({
    contact_id: contact.contactId!,
    callback_id: callback.callbackId,
    department: callback.department,
    started_at: isoOf(contact.startedAt)!,
    promised_at: isoOf(callback.promisedAt)!,
    promised_day: '',
    due_by: isoOf(callback.dueBy),
    completed_at: isoOf(callback.completedAt),
    reached: callback.reached ? 1 : 0,
    duration_ms: callback.completedAt === undefined ? null : Date.parse(callback.completedAt) - Date.parse(callback.promisedAt),
  }));
}

/** The tickets a contact records as opened at it, whose completion at intake its first-contact answer waits on. */
export const ticketsOpenedAt = (contact: ContactState): string[] =>
  contact.steps.flatMap((step) => (step.kind === 'ticket' && step.relation !== 'enquired' ? [step.ticketId] : []));

const linkRows = (contacts: Iterable<ContactState>): ContactTicketLinksTable[] => {
  const rows = new Map<string, ContactTicketLinksTable>();
  for (const contact of contacts)
    for (const ticketId of ticketsOpenedAt(contact))
      rows.set(`${ticketId}${SEPARATOR}${contact.contactId}`, { ticket_id: ticketId, contact_id: contact.contactId! });
  return [...rows.values()];
};

/** Writes contacts' callbacks (replacing what they had) and the tickets they opened. */
export async function writeCallbacksAndLinks(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  timeZone: string,
  contacts: readonly ContactState[],
  replace: boolean,
): Promise<void> {
  const ids = contacts.flatMap((contact) => (contact.contactId === undefined ? [] : [contact.contactId]));
  if (replace)
    for (let i = 0; i < ids.length; i += CHUNK)
      await trx
        .deleteFrom('rm_contact_callbacks')
        .where('contact_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
  const callbacks = contacts.flatMap(callbackRows).map((row) => ({ ...row, promised_day: localStart(row.promised_at, timeZone).day }));
  await upsertRows(trx, dialect, 'rm_contact_callbacks', ['contact_id', 'callback_id'], callbacks);
  await upsertRows(trx, dialect, 'rm_contact_ticket_links', ['ticket_id', 'contact_id'], linkRows(contacts));
}

/** Of `ticketIds`, those completed at intake as far as the store knows. */
export async function completedAtIntakeAmong(db: Kysely<ReadDb>, ticketIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(ticketIds)];
  const completed = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('rm_contact_intake_completions')
      .select('ticket_id')
      .where('ticket_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) completed.add(row.ticket_id);
  }
  return completed;
}

/** Adds a tally to the rollup's rows (`fresh`: the tables are empty, nothing to read first); a cell left without contacts is removed. */
export async function applyTally(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tally: ContactTally, fresh = false): Promise<void> {
  const days = [...tally.days.values()].filter(
    (d) => d.contacts !== 0 || d.handled !== 0 || d.open !== 0 || d.answered !== 0 || !sameValues(d.added, d.removed),
  );
  const existingDays = fresh ? new Map<string, ContactDaysTable>() : await rowsOf(trx, 'rm_contact_days', days);
  const dayRows: ContactDaysTable[] = [];
  const gone: string[] = [];
  for (const change of days) {
    const before = existingDays.get(change.cell);
    const handle = before ? (JSON.parse(before.handle_ms) as number[]) : [];
    for (const duration of change.removed) {
      const at = handle.indexOf(duration);
      if (at >= 0) handle.splice(at, 1);
    }
    handle.push(...change.added);
    handle.sort((a, b) => a - b);
    const { added: _added, removed: _removed, ...counts } = change;
    const row: ContactDaysTable = { ...counts, handle_ms: JSON.stringify(handle) };
    for (const column of COUNT_COLUMNS.rm_contact_days) (row[column] as number) += before ? Number(before[column]) : 0;
    if (row.contacts === 0) gone.push(row.cell);
    else dayRows.push(row);
  }
  await deleteCells(trx, 'rm_contact_days', gone);
  await upsertRows(trx, dialect, 'rm_contact_days', 'cell', dayRows);
  await applyCounts(trx, dialect, 'rm_contact_transfer_days', 'transferred', [...tally.transfers.values()], fresh);
  await applyCounts(trx, dialect, 'rm_contact_article_days', 'contacts', [...tally.articles.values()], fresh);
  await applyCounts(trx, dialect, 'rm_contact_hours', 'contacts', [...tally.hours.values()], fresh);
}

type CountTable = 'rm_contact_days' | 'rm_contact_transfer_days' | 'rm_contact_article_days' | 'rm_contact_hours';
const COUNT_COLUMNS = {
  rm_contact_days: ['contacts', 'handled', 'abandoned', 'open', 'ended_handled', 'answered'],
  rm_contact_transfer_days: ['transferred', 'transfers', 'reached'],
  rm_contact_article_days: ['contacts', 'uses'],
  rm_contact_hours: ['contacts'],
} as const satisfies { [T in CountTable]: readonly (keyof ReadDb[T])[] };

async function applyCounts<T extends Exclude<CountTable, 'rm_contact_days'>>(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  table: T,
  presence: (typeof COUNT_COLUMNS)[T][number],
  changes: ReadDb[T][],
  fresh: boolean,
): Promise<void> {
  const columns = COUNT_COLUMNS[table] as readonly string[];
  const changed = changes.filter((change) => columns.some((column) => (change as unknown as Record<string, number>)[column] !== 0));
  const existing = fresh ? new Map<string, ReadDb[T]>() : await rowsOf(trx, table, changed);
  const rows: ReadDb[T][] = [];
  const gone: string[] = [];
  for (const change of changed) {
    const row = { ...change } as unknown as Record<string, number | string>;
    const before = existing.get(change.cell) as unknown as Record<string, number | string> | undefined;
    if (before) for (const column of columns) row[column] = Number(row[column]) + Number(before[column]);
    if (row[presence] === 0) gone.push(change.cell);
    else rows.push(row as unknown as ReadDb[T]);
  }
  await deleteCells(trx, table, gone);
  await upsertRows(trx, dialect, table, 'cell', rows);
}

async function rowsOf<T extends CountTable>(trx: Kysely<ReadDb>, table: T, cells: readonly { cell: string }[]): Promise<Map<string, ReadDb[T]>> {
  const found = new Map<string, ReadDb[T]>();
  for (let i = 0; i < cells.length; i += CHUNK) {
    const keys = cells.slice(i, i + CHUNK).map((c) => c.cell);
    // Every rollup table is keyed by `cell`: one of them stands for the type.
    const rows = (await trx
      .selectFrom(table as 'rm_contact_hours')
      .selectAll()
      .where('cell', 'in', keys)
      .execute()) as unknown as ReadDb[T][];
    for (const row of rows) found.set((row as { cell: string }).cell, row);
  }
  return found;
}

async function deleteCells(trx: Kysely<ReadDb>, table: CountTable, cells: readonly string[]): Promise<void> {
  for (let i = 0; i < cells.length; i += CHUNK)
    await trx
      .deleteFrom(table as 'rm_contact_hours')
      .where('cell', 'in', cells.slice(i, i + CHUNK))
      .execute();
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  return sortedA.every((value, i) => value === sortedB[i]);
}

/** The zone the rollup's days follow, or undefined before the projection has filled it. */
export async function rollupZone(db: Kysely<ReadDb>): Promise<string | undefined> {
  return (await db.selectFrom('rm_contact_rollup_zone').select('time_zone').executeTakeFirst())?.time_zone;
}

const PAGE = 5_000;

/**
 * Fills the contact rollup from `rm_contacts` in `timeZone`, from scratch: the backfill of a store
 * that held contacts before migration 9, and a new city zone. The tickets completed at intake are
 * those the ticket facts of the active generation know, with those the projection recorded.
 */
export async function rebuildContactRollup(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, timeZone: string): Promise<void> {
  for (const table of [
    'rm_contact_days',
    'rm_contact_transfer_days',
    'rm_contact_article_days',
    'rm_contact_hours',
    'rm_contact_callbacks',
    'rm_contact_ticket_links',
  ] as const)
    await trx.deleteFrom(table).execute();
  await trx.deleteFrom('rm_contact_rollup_zone').execute();
  const { facts } = generationTables(await activeGeneration(trx));
  await sql`insert into rm_contact_intake_completions (ticket_id) select ticket_id from ${sql.table(facts)} where first_contact_resolution = 1 on conflict (ticket_id) do nothing`.execute(
    trx,
  );
  const completed = new Set((await trx.selectFrom('rm_contact_intake_completions').select('ticket_id').execute()).map((row) => row.ticket_id));
  const tally = new ContactTally(timeZone);
  let after: string | undefined;
  for (;;) {
    let query = trx.selectFrom('rm_contacts').select(['contact_id', 'state']).orderBy('contact_id').limit(PAGE);
    if (after !== undefined) query = query.where('contact_id', '>', after);
    const rows = await query.execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].contact_id;
    const contacts = rows.map((row) => JSON.parse(row.state) as ContactState);
    for (const contact of contacts) tally.add(contact, completed);
    await writeCallbacksAndLinks(trx, dialect, timeZone, contacts, false);
  }
  await applyTally(trx, dialect, tally, true);
  await trx.insertInto('rm_contact_rollup_zone').values({ time_zone: timeZone }).execute();
}
