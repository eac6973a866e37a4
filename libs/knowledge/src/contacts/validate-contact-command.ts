import { type ConfigReader, isValidTicketId } from '@switchboard/ticketing';
import type { InvalidCommand } from '../shared/domain-errors';
import { commandProblems, readId, readText } from '../shared/reading';
import { readArticleId } from '../articles/validate-article-command';
import type { ContactCommandType } from './contact-commands';
import { CONTACT_CHANNELS, CONTACT_ID, CONTACT_OUTCOMES, TICKET_RELATIONS } from './contact-values';
import { readResident } from './resident';

type Fields = Record<string, unknown>;
const MAX_NOTE = 2000;
/** As long as a search may be (GET /knowledge/search's `q`). */
const MAX_QUERY = 200;
const note = (r: ConfigReader, f: Fields, name = 'note') => readText(r, f[name], name, MAX_NOTE, true);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const READERS: { readonly [T in ContactCommandType]: (reader: ConfigReader, fields: Fields) => void } = {
  StartContact: (r, f) => {
    r.oneOf(f.channel, 'channel', CONTACT_CHANNELS);
    r.string(f.line, 'line');
    readResident(r, f.resident, 'resident', true);
  },
  IdentifyResident: (r, f) => readResident(r, f.resident, 'resident', false),
  RecordArticleUsed: (r, f) => {
    readArticleId(r, f.articleId, 'articleId');
    readText(r, f.language, 'language', 3, true);
  },
  LinkTicket: (r, f) => {
    const id = r.string(f.ticketId, 'ticketId');
    if (id !== undefined && !isValidTicketId(id)) r.report('ticketId', 'must be 1-40 letters, digits, "-" or "_"');
    r.oneOf(f.relation, 'relation', TICKET_RELATIONS);
  },
  TransferContact: (r, f) => {
    r.string(f.department, 'department');
    r.boolean(f.reached, 'reached');
    note(r, f);
  },
  PromiseCallback: (r, f) => {
    r.string(f.department, 'department');
    const dueBy = r.string(f.dueBy, 'dueBy', true);
    if (dueBy !== undefined && !(ISO_INSTANT.test(dueBy) && Number.isFinite(Date.parse(dueBy)))) {
      r.report('dueBy', 'must be an ISO-8601 instant with its offset, e.g. "2026-11-03T17:00:00Z"');
    }
    note(r, f);
  },
  CompleteCallback: (r, f) => {
    readText(r, f.callbackId, 'callbackId', 128);
    r.boolean(f.reached, 'reached');
    note(r, f);
  },
  RecordSearch: (r, f) => {
    readText(r, f.query, 'query', MAX_QUERY);
    readText(r, f.language, 'language', 3, true);
    const count = f.resultCount;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) r.report('resultCount', 'must be a whole number, 0 or more');
  },
  EndContact: (r, f) => {
    r.oneOf(f.outcome, 'outcome', CONTACT_OUTCOMES);
    note(r, f, 'summary');
  },
};

const FIELDS: { readonly [T in ContactCommandType]: readonly string[] } = {
  StartContact: ['contactId', 'channel', 'line', 'resident'],
  IdentifyResident: ['contactId', 'resident'],
  RecordArticleUsed: ['contactId', 'articleId', 'language'],
  LinkTicket: ['contactId', 'ticketId', 'relation'],
  TransferContact: ['contactId', 'department', 'reached', 'note'],
  PromiseCallback: ['contactId', 'department', 'dueBy', 'note'],
  CompleteCallback: ['contactId', 'callbackId', 'reached', 'note'],
  RecordSearch: ['contactId', 'query', 'language', 'resultCount'],
  EndContact: ['contactId', 'outcome', 'summary'],
};

const withContactId = Object.fromEntries(
  Object.entries(READERS).map(([type, read]) => [
    type,
    (reader: ConfigReader, fields: Fields) => {
      readId(reader, fields.contactId, 'contactId', CONTACT_ID, 'C-7K2M9Q');
      read(reader, fields);
    },
  ]),
) as typeof READERS;

/** Every field problem of a contact command, in the order found; empty when its shape is right. */
export const validateContactCommand = (command: unknown): InvalidCommand<ContactCommandType>[] =>
  commandProblems<ContactCommandType>(command, withContactId, FIELDS);
