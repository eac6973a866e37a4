import { type Kysely, sql } from 'kysely';
import { answeredAtFirstContact, type ContactState, localClock } from '@switchboard/knowledge';
import { upsertRows } from '../projection/upsert-rows';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type { ContactArticleDaysTable, ContactCallbacksTable, ContactDaysTable, ContactTicketLinksTable, ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';

const CHUNK = 500;
const SEPARATOR = '\u001f';
/** `settled_at` of a callback not completed: after every instant's ISO text. */
export const NOT_SETTLED = '~';

/** Contacts of one line and channel started on a day: the counts, and the handle times (ms) of the handled ones. */
export interface DayCell {
  readonly line: string;
  readonly channel: string;
  contacts: number;
  handled: number;
  abandoned: number;
  open: number;
  endedHandled: number;
  answered: number;
  samples: number[];
  /** In a change: the handle times it loses. */
  removed: number[];
}

/** Callbacks promised on one local day to one department, at contacts started on the day of the document. */
export interface CallbackCell {
  readonly promisedDay: string;
  readonly department: string;
  promised: number;
  completed: number;
  /** Completed and the resident reached. */
  reached: number;
  /** Completed after their due time. */
  lateIfDone: number;
  /** Times from promise to completion (ms) of the completed ones. */
  samples: number[];
  removed: number[];
}

export interface TransferCell {
  readonly department: string;
  transferred: number;
  transfers: number;
  reached: number;
}

export interface ArticleCell {
  readonly articleId: string;
  contacts: number;
  uses: number;
}

/**
 * What the contacts started on one local day add up to: by line and channel, transfers by
 * department, contacts by line and local hour, callbacks by day promised and department, article
 * uses. Kept as one row of `rm_contact_days`: the report for a year reads 365 rows.
 */
export class DayDoc {
  readonly cells = new Map<string, DayCell>();
  readonly transfers = new Map<string, TransferCell>();
  readonly hours = new Map<string, number[]>();
  readonly callbacks = new Map<string, CallbackCell>();
  readonly articles = new Map<string, ArticleCell>();

  constructor(readonly day: string) {}

  cell(line: string, channel: string): DayCell {
    const key = `${line}${SEPARATOR}${channel}`;
    const found = this.cells.get(key);
    if (found) return found;
    const cell = { line, channel, contacts: 0, handled: 0, abandoned: 0, open: 0, endedHandled: 0, answered: 0, samples: [], removed: [] };
    this.cells.set(key, cell);
    return cell;
  }

  transfer(department: string): TransferCell {
    const cell = this.transfers.get(department) ?? { department, transferred: 0, transfers: 0, reached: 0 };
    this.transfers.set(department, cell);
    return cell;
  }

  hoursOf(line: string): number[] {
    const hours = this.hours.get(line) ?? new Array<number>(24).fill(0);
    this.hours.set(line, hours);
    return hours;
  }

  callback(promisedDay: string, department: string): CallbackCell {
    const key = `${promisedDay}${SEPARATOR}${department}`;
    const cell = this.callbacks.get(key) ?? { promisedDay, department, promised: 0, completed: 0, reached: 0, lateIfDone: 0, samples: [], removed: [] };
    this.callbacks.set(key, cell);
    return cell;
  }

  article(articleId: string): ArticleCell {
    const cell = this.articles.get(articleId) ?? { articleId, contacts: 0, uses: 0 };
    this.articles.set(articleId, cell);
    return cell;
  }

  /** Adds a change (counts, samples gained and lost) to this document; entries left empty are dropped. */
  merge(change: DayDoc): void {
    for (const c of change.cells.values()) {
      const cell = this.cell(c.line, c.channel);
      for (const key of CELL_COUNTS) cell[key] += c[key];
      cell.samples = withSamples(cell.samples, c.samples, c.removed);
    }
    for (const t of change.transfers.values()) {
      const cell = this.transfer(t.department);
      cell.transferred += t.transferred;
      cell.transfers += t.transfers;
      cell.reached += t.reached;
    }
    for (const [line, hours] of change.hours) {
      const mine = this.hoursOf(line);
      hours.forEach((count, hour) => (mine[hour] += count));
    }
    for (const b of change.callbacks.values()) {
      const cell = this.callback(b.promisedDay, b.department);
      cell.promised += b.promised;
      cell.completed += b.completed;
      cell.reached += b.reached;
      cell.lateIfDone += b.lateIfDone;
      cell.samples = withSamples(cell.samples, b.samples, b.removed);
    }
    for (const a of change.articles.values()) {
      const cell = this.article(a.articleId);
      cell.contacts += a.contacts;
      cell.uses += a.uses;
    }
    dropEmpty(this.cells, (c) => c.contacts === 0);
    dropEmpty(this.transfers, (t) => t.transferred === 0);
    dropEmpty(this.hours, (hours) => hours.every((count) => count === 0));
    dropEmpty(this.callbacks, (b) => b.promised === 0);
    dropEmpty(this.articles, (a) => a.contacts === 0);
  }

  get empty(): boolean {
    return this.cells.size === 0 && this.callbacks.size === 0;
  }

  /** Whether a change changes nothing (a contact tallied out and in the same). */
  get unchanged(): boolean {
    const zero = (values: Iterable<number>) => [...values].every((value) => value === 0);
    return (
      [...this.cells.values()].every((c) => zero(CELL_COUNTS.map((key) => c[key])) && sameValues(c.samples, c.removed)) &&
      [...this.transfers.values()].every((t) => zero([t.transferred, t.transfers, t.reached])) &&
      [...this.hours.values()].every((hours) => zero(hours)) &&
      [...this.callbacks.values()].every((b) => zero([b.promised, b.completed, b.reached, b.lateIfDone]) && sameValues(b.samples, b.removed)) &&
      [...this.articles.values()].every((a) => zero([a.contacts, a.uses]))
    );
  }

  /** The row: the counts as JSON, the handle times as little-endian float64s in base64, cell by cell. */
  encode(): ContactDaysTable {
    const cells = sortedValues(this.cells);
    const count = cells.reduce((n, c) => n + c.samples.length, 0);
    // Whole ms under 2^31 (24 days) as int32s, else float64s: the first character says which.
    const wide = cells.some((c) => c.samples.some((value) => !Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31));
    const samples = wide ? new Float64Array(count) : new Int32Array(count);
    let at = 0;
    for (const c of cells) for (const value of c.samples) samples[at++] = value;
    const doc = {
      c: cells.map((c) => [c.line, c.channel, ...CELL_COUNTS.map((key) => c[key]), c.samples.length]),
      t: sortedValues(this.transfers).map((t) => [t.department, t.transferred, t.transfers, t.reached]),
      h: [...this.hours.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([line, hours]) => [line, ...hours]),
      b: sortedValues(this.callbacks).map((b) => [b.promisedDay, b.department, b.promised, b.completed, b.reached, b.lateIfDone, b.samples]),
      a: sortedValues(this.articles).map((a) => [a.articleId, a.contacts, a.uses]),
    };
    return { day: this.day, doc: JSON.stringify(doc), handle_ms: (wide ? 'f' : 'i') + Buffer.from(samples.buffer).toString('base64') };
  }

  static decode(row: Pick<ContactDaysTable, 'day' | 'doc' | 'handle_ms'>): DayDoc {
    const doc = new DayDoc(row.day);
    const parsed = JSON.parse(row.doc) as {
      c: [string, string, ...number[]][];
      t: [string, number, number, number][];
      h: [string, ...number[]][];
      b: [string, string, number, number, number, number, number[]][];
      a: [string, number, number][];
    };
    const samples = handleSamples(row.handle_ms);
    let at = 0;
    for (const [line, channel, ...counts] of parsed.c) {
      const cell = doc.cell(line, channel);
      CELL_COUNTS.forEach((key, i) => (cell[key] = counts[i]));
      const n = counts[CELL_COUNTS.length];
      cell.samples = Array.from(samples.subarray(at, at + n));
      at += n;
    }
    for (const [department, transferred, transfers, reached] of parsed.t) Object.assign(doc.transfer(department), { transferred, transfers, reached });
    for (const [line, ...hours] of parsed.h) doc.hours.set(line, hours);
    for (const [promisedDay, department, promised, completed, reached, lateIfDone, durations] of parsed.b)
      Object.assign(doc.callback(promisedDay, department), { promised, completed, reached, lateIfDone, samples: durations });
    for (const [articleId, contacts, uses] of parsed.a) Object.assign(doc.article(articleId), { contacts, uses });
    return doc;
  }
}

/** A map's values by key: a document's encoding does not depend on the order its entries were made in. */
const sortedValues = <V>(map: ReadonlyMap<string, V>): V[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);

/** The handle times of a day's row (`DayDoc#encode`), cell by cell: a view of the decoded bytes where they are aligned. */
export function handleSamples(encoded: string): Int32Array | Float64Array {
  const bytes = Buffer.from(encoded.slice(1), 'base64');
  const Kind = encoded.startsWith('f') ? Float64Array : Int32Array;
  const aligned = bytes.byteOffset % Kind.BYTES_PER_ELEMENT === 0 ? bytes : Buffer.from(bytes);
  return aligned.byteOffset % Kind.BYTES_PER_ELEMENT === 0
    ? new Kind(aligned.buffer, aligned.byteOffset, aligned.length / Kind.BYTES_PER_ELEMENT)
    : new Kind(aligned.buffer.slice(aligned.byteOffset, aligned.byteOffset + aligned.length));
}

const CELL_COUNTS = ['contacts', 'handled', 'abandoned', 'open', 'endedHandled', 'answered'] as const;

function dropEmpty<V>(map: Map<string, V>, isEmpty: (value: V) => boolean): void {
  for (const [key, value] of map) if (isEmpty(value)) map.delete(key);
}

/** `samples` with `removed` taken out (one occurrence each) and `added` put in, ascending. */
function withSamples(samples: readonly number[], added: readonly number[], removed: readonly number[]): number[] {
  const next = [...samples];
  for (const value of removed) {
    const at = next.indexOf(value);
    if (at >= 0) next.splice(at, 1);
  }
  next.push(...added);
  return next.sort((a, b) => a - b);
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  return sortedA.every((value, i) => value === sortedB[i]);
}

/** The local date, weekday (0 = Monday) and hour of an instant, in the rollup's zone. */
export function localStart(instant: string, timeZone: string): { day: string; weekday: number; hour: number } {
  const local = localClock(Date.parse(instant), timeZone);
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}

/** The instants as the callbacks table holds them: `Date#toISOString`, so comparing the text compares the instants. */
const isoOf = (instant: string | undefined): string | null => (instant === undefined ? null : new Date(Date.parse(instant)).toISOString());

/**
 * What contacts add to the contact rollup (migration 9): a contact counts in the document of the
 * local day it started on — by line and channel (counts, first-contact answer, handle time), for
 * each department it was transferred to, by line and local hour, for each callback it promised
 * (by the day promised), for each article it used — and, per line, in the article uses of
 * `rm_contact_article_days`. Adding a contact with sign −1 takes it out: the projection tallies
 * each changed contact out as it was and in as it is, so the rollup always equals the tally of
 * the contacts in `rm_contacts` with the tickets completed at intake known to the store.
 */
export class ContactTally {
  readonly days = new Map<string, DayDoc>();
  readonly lineArticles = new Map<string, ContactArticleDaysTable>();

  constructor(private readonly timeZone: string) {}

  add(contact: ContactState, completedAtIntake: ReadonlySet<string>, sign: 1 | -1 = 1): void {
    if (contact.startedAt === undefined) return;
    const { day, hour } = localStart(contact.startedAt, this.timeZone);
    const line = contact.line ?? '';
    const doc = this.days.get(day) ?? new DayDoc(day);
    this.days.set(day, doc);
    const handled = contact.outcome === 'handled';
    const endedHandled = contact.status === 'ended' && handled;
    const cell = doc.cell(line, contact.channel ?? '');
    cell.contacts += sign;
    cell.handled += handled ? sign : 0;
    cell.abandoned += contact.outcome === 'abandoned' ? sign : 0;
    cell.open += contact.status !== 'ended' ? sign : 0;
    cell.endedHandled += endedHandled ? sign : 0;
    cell.answered += endedHandled && answeredAtFirstContact(contact, completedAtIntake) ? sign : 0;
    if (contact.endedAt !== undefined && handled) (sign > 0 ? cell.samples : cell.removed).push(Date.parse(contact.endedAt) - Date.parse(contact.startedAt));
    doc.hoursOf(line)[hour] += sign;

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
      const transfer = doc.transfer(department);
      transfer.transferred += sign;
      transfer.transfers += sign * counts.transfers;
      transfer.reached += sign * counts.reached;
    }
    for (const [articleId, uses] of articles) {
      const article = doc.article(articleId);
      article.contacts += sign;
      article.uses += sign * uses;
      const key = [day, line, articleId].join(SEPARATOR);
      const row = this.lineArticles.get(key) ?? { cell: key, day, line, article_id: articleId, contacts: 0, uses: 0 };
      row.contacts += sign;
      row.uses += sign * uses;
      this.lineArticles.set(key, row);
    }
    for (const callback of contact.callbacks) {
      const promised = doc.callback(localStart(callback.promisedAt, this.timeZone).day, callback.department);
      const done = callback.completedAt !== undefined;
      promised.promised += sign;
      promised.completed += done ? sign : 0;
      promised.reached += done && callback.reached ? sign : 0;
      promised.lateIfDone += done && callback.dueBy !== undefined && Date.parse(callback.completedAt!) > Date.parse(callback.dueBy) ? sign : 0;
      if (done) (sign > 0 ? promised.samples : promised.removed).push(Date.parse(callback.completedAt!) - Date.parse(callback.promisedAt));
    }
  }
}

/** A contact's callbacks as rows of `rm_contact_callbacks`. */
export function callbackRows(contact: ContactState, timeZone: string): ContactCallbacksTable[] {
  if (contact.startedAt === undefined || contact.contactId === undefined) return [];
  return contact.callbacks.map((callback) => ({
    contact_id: contact.contactId!,
    callback_id: callback.callbackId,
    department: callback.department,
    started_at: isoOf(contact.startedAt)!,
    promised_at: isoOf(callback.promisedAt)!,
    promised_day: localStart(callback.promisedAt, timeZone).day,
    due_by: isoOf(callback.dueBy),
    completed_at: isoOf(callback.completedAt),
    settled_at: isoOf(callback.completedAt) ?? NOT_SETTLED,
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
  await upsertRows(
    trx,
    dialect,
    'rm_contact_callbacks',
    ['contact_id', 'callback_id'],
    contacts.flatMap((contact) => callbackRows(contact, timeZone)),
  );
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

/** Adds a tally to the rollup's rows (`fresh`: the tables are empty, nothing to read first); a day or cell left without contacts is removed. */
export async function applyTally(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tally: ContactTally, fresh = false): Promise<void> {
  const changes = [...tally.days.values()].filter((change) => !change.unchanged);
  const docs = new Map<string, DayDoc>();
  if (!fresh)
    for (let i = 0; i < changes.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('rm_contact_days')
        .selectAll()
        .where(
          'day',
          'in',
          changes.slice(i, i + CHUNK).map((change) => change.day),
        )
        .execute();
      for (const row of rows) docs.set(row.day, DayDoc.decode(row));
    }
  const rows: ContactDaysTable[] = [];
  const gone: string[] = [];
  for (const change of changes) {
    const doc = docs.get(change.day) ?? new DayDoc(change.day);
    doc.merge(change);
    if (doc.empty) gone.push(doc.day);
    else rows.push(doc.encode());
  }
  for (let i = 0; i < gone.length; i += CHUNK)
    await trx
      .deleteFrom('rm_contact_days')
      .where('day', 'in', gone.slice(i, i + CHUNK))
      .execute();
  await upsertRows(trx, dialect, 'rm_contact_days', 'day', rows);
  await applyLineArticles(trx, dialect, [...tally.lineArticles.values()], fresh);
}

async function applyLineArticles(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, changes: readonly ContactArticleDaysTable[], fresh: boolean): Promise<void> {
  const changed = changes.filter((change) => change.contacts !== 0 || change.uses !== 0);
  const existing = new Map<string, ContactArticleDaysTable>();
  if (!fresh)
    for (let i = 0; i < changed.length; i += CHUNK) {
      const keys = changed.slice(i, i + CHUNK).map((c) => c.cell);
      for (const row of await trx.selectFrom('rm_contact_article_days').selectAll().where('cell', 'in', keys).execute()) existing.set(row.cell, row);
    }
  const rows: ContactArticleDaysTable[] = [];
  const gone: string[] = [];
  for (const change of changed) {
    const before = existing.get(change.cell);
    const row = { ...change, contacts: change.contacts + Number(before?.contacts ?? 0), uses: change.uses + Number(before?.uses ?? 0) };
    if (row.contacts === 0) gone.push(row.cell);
    else rows.push(row);
  }
  for (let i = 0; i < gone.length; i += CHUNK)
    await trx
      .deleteFrom('rm_contact_article_days')
      .where('cell', 'in', gone.slice(i, i + CHUNK))
      .execute();
  await upsertRows(trx, dialect, 'rm_contact_article_days', 'cell', rows);
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
  for (const table of ['rm_contact_days', 'rm_contact_article_days', 'rm_contact_callbacks', 'rm_contact_ticket_links', 'rm_contact_rollup_zone'] as const)
    await trx.deleteFrom(table).execute();
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
