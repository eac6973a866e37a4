import { sql, type Kysely } from 'kysely';
import { CHANNELS, TICKET_STATUSES } from '@switchboard/ticketing';
import type { ReadDb } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';
import { decodeCursor, encodeCursor } from './cursor';
import { summaryOf, type TicketSummary } from './ticket-summary';
import { nonEmpty, oneOf, orderedRange, pageLimit, validDate } from './validate';

/** Filters of the ticket list; every given one must match. */
export interface TicketFilter {
  readonly state?: string;
  readonly department?: string;
  readonly service?: string;
  readonly channel?: string;
  readonly assignee?: string;
  readonly openedFrom?: Date;
  readonly openedTo?: Date;
  /** Latest event time in [updatedFrom, updatedTo). */
  readonly updatedFrom?: Date;
  readonly updatedTo?: Date;
  /** true: only tickets late at `now`; false: only tickets not late. */
  readonly overdue?: boolean;
  /** Case-insensitive substring of the description or the address. */
  readonly text?: string;
  /** The instant `overdue` is judged at. */
  readonly now: Date;
}

export interface TicketPage {
  readonly tickets: TicketSummary[];
  /** Pass it back to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Lists tickets matching a filter, newest first, one keyset page at a time. */
export async function searchTickets(
  db: Kysely<ReadDb>,
  tables: GenerationTables,
  filter: TicketFilter,
  cursor: string | undefined,
  limit: number,
): Promise<TicketPage> {
  const size = pageLimit('limit', limit, 50, 500);
  const f = validateFilter(filter);
  const queryKey = JSON.stringify({
    ...f,
    now: undefined,
    openedFrom: f.openedFrom?.toISOString(),
    openedTo: f.openedTo?.toISOString(),
    updatedFrom: f.updatedFrom?.toISOString(),
    updatedTo: f.updatedTo?.toISOString(),
  });
  let query = db.selectFrom(tables.tickets).selectAll();
  if (f.state !== undefined) query = query.where('status', '=', f.state);
  if (f.department !== undefined) query = query.where('department', '=', f.department);
  if (f.service !== undefined) query = query.where('service_code', '=', f.service);
  if (f.channel !== undefined) query = query.where('channel', '=', f.channel);
  if (f.assignee !== undefined) query = query.where('assignee', '=', f.assignee);
  if (f.openedFrom !== undefined) query = query.where('opened_at', '>=', f.openedFrom.toISOString());
  if (f.openedTo !== undefined) query = query.where('opened_at', '<', f.openedTo.toISOString());
  if (f.updatedFrom !== undefined) query = query.where('updated_at', '>=', f.updatedFrom.toISOString());
  if (f.updatedTo !== undefined) query = query.where('updated_at', '<', f.updatedTo.toISOString());
  if (f.text !== undefined) query = query.where(sql<boolean>`search_text like ${`%${escapeLike(f.text.toLowerCase())}%`} escape '\\'`);
  const now = f.now.toISOString();
  if (f.overdue === true) query = query.where((eb) => eb.or([eb('overdue_since', 'is not', null), eb('due_at', '<', now)]));
  if (f.overdue === false) query = query.where('overdue_since', 'is', null).where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '>=', now)]));
  if (cursor !== undefined) {
    const [openedAt, ticketId] = decodeCursor(cursor, queryKey, 2);
    query = query.where((eb) =>
      eb.or([eb('opened_at', '<', String(openedAt)), eb.and([eb('opened_at', '=', String(openedAt)), eb('ticket_id', '<', String(ticketId))])]),
    );
  }
  const rows = await query
    .orderBy('opened_at', 'desc')
    .orderBy('ticket_id', 'desc')
    .limit(size + 1)
    .execute();
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    tickets: page.map((row) => summaryOf(row, f.now)),
    nextCursor: rows.length > size ? encodeCursor(queryKey, [last.opened_at, last.ticket_id]) : null,
  };
}

function validateFilter(filter: TicketFilter): TicketFilter {
  const optional = <T>(value: T | undefined, check: (value: T) => T): T | undefined => (value === undefined ? undefined : check(value));
  const openedFrom = optional(filter.openedFrom, (v) => validDate('openedFrom', v));
  const openedTo = optional(filter.openedTo, (v) => validDate('openedTo', v));
  if (openedFrom && openedTo) orderedRange(openedFrom, openedTo, 'openedFrom', 'openedTo');
  const updatedFrom = optional(filter.updatedFrom, (v) => validDate('updatedFrom', v));
  const updatedTo = optional(filter.updatedTo, (v) => validDate('updatedTo', v));
  if (updatedFrom && updatedTo) orderedRange(updatedFrom, updatedTo, 'updatedFrom', 'updatedTo');
  if (filter.overdue !== undefined && typeof filter.overdue !== 'boolean') oneOf('overdue', filter.overdue, ['true', 'false']);
  return {
    state: optional(filter.state, (v) =>
      oneOf(
        'state',
        v,
        TICKET_STATUSES.filter((s) => s !== 'unopened'),
      ),
    ),
    department: optional(filter.department, (v) => nonEmpty('department', v)),
    service: optional(filter.service, (v) => nonEmpty('service', v)),
    channel: optional(filter.channel, (v) => oneOf('channel', v, CHANNELS)),
    assignee: optional(filter.assignee, (v) => nonEmpty('assignee', v)),
    openedFrom,
    openedTo,
    updatedFrom,
    updatedTo,
    overdue: filter.overdue,
    text: optional(filter.text, (v) => nonEmpty('text', v)),
    now: validDate('now', filter.now),
  };
}

/** LIKE treats % and _ as wildcards; a resident's text should match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
