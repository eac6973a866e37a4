import type { Kysely } from 'kysely';
import type { ContactState } from '@switchboard/knowledge';
import { InvalidQueryParameterError } from '../errors';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { residentEmailKey, residentPhoneKey } from './resident-keys';

/** A resident as looked up: by phone, by e-mail, or both (either matches). */
export interface ResidentKeys {
  readonly phone?: string;
  readonly email?: string;
}

/** A ticket the resident reported (any status), without its contact data. */
export interface ResidentTicket {
  readonly ticketId: string;
  readonly serviceCode: string;
  readonly status: string;
  readonly department: string;
  readonly description: string;
  readonly address: string | null;
  readonly openedAt: string;
  readonly reportCount: number;
}

/** A previous 311 contact of the resident, in short: when, how, who took it, what tickets it opened or asked about. */
export interface ResidentContactSummary {
  readonly contactId: string;
  readonly status: string;
  readonly channel: string | null;
  readonly line: string | null;
  readonly operatorId: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly resident: { readonly name?: string; readonly phone?: string; readonly email?: string } | null;
  readonly tickets: { readonly ticketId: string; readonly relation: string }[];
  readonly articlesUsed: number;
}

const summaryOf = (contactId: string, state: ContactState): ResidentContactSummary => ({
  contactId,
  status: state.status,
  channel: state.channel ?? null,
  line: state.line ?? null,
  operatorId: state.operatorId ?? null,
  startedAt: state.startedAt ?? null,
  endedAt: state.endedAt ?? null,
  resident: state.resident ?? null,
  tickets: state.steps.flatMap((step) => (step.kind === 'ticket' ? [{ ticketId: step.ticketId, relation: step.relation }] : [])),
  articlesUsed: state.steps.filter((step) => step.kind === 'article_used').length,
});

/** The resident's previous contacts and tickets, newest first. */
export interface ResidentHistory {
  readonly contacts: ResidentContactSummary[];
  readonly tickets: ResidentTicket[];
}

/**
 * A resident's previous 311 contacts and the tickets they reported, by the digest of their phone
 * or e-mail (normalised as `resident-keys.ts` says), newest first, at most `limit` of each.
 */
export async function residentHistory(db: Kysely<ReadDb>, tables: GenerationTables, resident: ResidentKeys, limit = 50): Promise<ResidentHistory> {
  const keys = { phone: residentPhoneKey(resident.phone), email: residentEmailKey(resident.email) };
  if (keys.phone === null && keys.email === null) throw new InvalidQueryParameterError('phone', 'give a phone number or an e-mail address to look up.');
  const contacts = new Map<string, { id: string; state: string; started: string }>();
  const tickets = new Map<string, ResidentTicket>();
  for (const kind of ['phone', 'email'] as const) {
    const key = keys[kind];
    if (key === null) continue;
    const contactColumn = kind === 'phone' ? 'resident_phone_key' : 'resident_email_key';
    const contactRows = await db
      .selectFrom('rm_contacts')
      .select(['contact_id', 'state', 'started_at'])
      .where(contactColumn, '=', key)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    for (const row of contactRows) contacts.set(row.contact_id, { id: row.contact_id, state: row.state, started: row.started_at ?? '' });
    const ticketRows = await db
      .selectFrom(tables.tickets)
      .select(['ticket_id', 'service_code', 'status', 'department', 'description', 'address', 'opened_at', 'report_count'])
      .where(contactColumn, '=', key)
      .orderBy('opened_at', 'desc')
      .limit(limit)
      .execute();
    for (const row of ticketRows) {
      tickets.set(row.ticket_id, {
        ticketId: row.ticket_id,
        serviceCode: row.service_code,
        status: row.status,
        department: row.department,
        description: row.description,
        address: row.address,
        openedAt: row.opened_at,
        reportCount: Number(row.report_count),
      });
    }
  }
  return {
    contacts: [...contacts.values()]
      .sort((a, b) => b.started.localeCompare(a.started))
      .slice(0, limit)
      .map((contact) => summaryOf(contact.id, JSON.parse(contact.state) as ContactState)),
    tickets: [...tickets.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.ticketId.localeCompare(b.ticketId)).slice(0, limit),
  };
}
