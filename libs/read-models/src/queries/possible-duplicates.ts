import type { Kysely } from 'kysely';
import { TICKET_STATUSES, type TicketStatus } from '@switchboard/ticketing';
import { InvalidQueryParameterError } from '../errors';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { addressKey, boundingBox, distanceMeters } from './ticket-place';
import { residentEmailKey, residentPhoneKey } from './resident-keys';
import { nonEmpty, pageLimit } from './validate';

/** The statuses of a ticket still open: a report of its problem may be linked to it. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((status) => !['unopened', 'completed', 'closed'].includes(status));

/** What a call-taker knows before opening a ticket. */
export interface DuplicateSearch {
  readonly serviceCode: string;
  /** Open tickets of the service within this distance of the coordinates are offered (the catalog's per-service radius). */
  readonly radiusMeters: number;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly address?: string;
  /** The caller's phone and e-mail: give them only when the asker may see resident contact data. */
  readonly phone?: string;
  readonly email?: string;
  /** At most this many of each list (default 20, at most 100). */
  readonly limit?: number;
}

/** An open ticket that may record the problem being reported. */
export interface PossibleDuplicate {
  readonly ticketId: string;
  readonly serviceCode: string;
  readonly status: string;
  readonly department: string;
  readonly description: string;
  readonly address: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly openedAt: string;
  /** 1 + the other reports already linked to it. */
  readonly reportCount: number;
  /** From the given coordinates, when both have them. */
  readonly distanceMeters: number | null;
  /** Its address is the given one, as compared (case, spaces, street words). */
  readonly sameAddress: boolean;
}

/** An open ticket the caller reported before, of any service. */
export interface CallersOpenTicket extends Omit<PossibleDuplicate, 'distanceMeters' | 'sameAddress'> {
  readonly matchedBy: ('phone' | 'email')[];
}

export interface PossibleDuplicates {
  /** Open tickets of the same service at the same address or within the radius, the nearest first (then the newest). */
  readonly nearby: PossibleDuplicate[];
  /** The caller's own open tickets, newest first; empty when no phone or e-mail was given. */
  readonly callersOwn: CallersOpenTicket[];
}

const COLUMNS = [
  'ticket_id',
  'service_code',
  'status',
  'department',
  'description',
  'address',
  'latitude',
  'longitude',
  'opened_at',
  'report_count',
  'address_key',
  'resident_phone_key',
  'resident_email_key',
] as const;

type Row = Pick<ReadDb['rm_tickets'], (typeof COLUMNS)[number]>;

const coordinate = (value: number | string | null): number | null => (value === null ? null : Number(value));

const entryOf = (row: Row) => ({
  ticketId: row.ticket_id,
  serviceCode: row.service_code,
  status: row.status,
  department: row.department,
  description: row.description,
  address: row.address,
  latitude: coordinate(row.latitude),
  longitude: coordinate(row.longitude),
  openedAt: row.opened_at,
  reportCount: Number(row.report_count),
});

function checked(search: DuplicateSearch) {
  const serviceCode = nonEmpty('service', search.serviceCode);
  const { latitude, longitude } = search;
  if ((latitude === undefined) !== (longitude === undefined))
    throw new InvalidQueryParameterError(latitude === undefined ? 'lat' : 'long', 'lat and long must be given together.');
  if (latitude !== undefined && !(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90))
    throw new InvalidQueryParameterError('lat', `must be a latitude from -90 to 90; got ${JSON.stringify(latitude)}.`);
  if (longitude !== undefined && !(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180))
    throw new InvalidQueryParameterError('long', `must be a longitude from -180 to 180; got ${JSON.stringify(longitude)}.`);
  if (!(Number.isFinite(search.radiusMeters) && search.radiusMeters > 0))
    throw new InvalidQueryParameterError('radius', 'must be a distance in meters above 0.');
  return { serviceCode, latitude, longitude, limit: pageLimit('limit', search.limit, 20, 100) };
}

/**
 * Possible duplicates of a report about to be opened: open tickets of the same service at the same
 * address (as compared) or within the radius — found through a bounding box on the indexed
 * coordinates, then kept by the exact great-circle distance — and the caller's own open tickets by
 * their phone or e-mail digest. Two index reads per list instead of one OR, so each store reads
 * only the index ranges it needs.
 */
export async function possibleDuplicates(db: Kysely<ReadDb>, tables: GenerationTables, search: DuplicateSearch): Promise<PossibleDuplicates> {
  const { serviceCode, latitude, longitude, limit } = checked(search);
  const open = OPEN_TICKET_STATUSES as string[];
  const base = () =>
    db
      .selectFrom(tables.tickets)
      .select([...COLUMNS])
      .where('status', 'in', open);
  const found = new Map<string, Row>();
  if (latitude !== undefined && longitude !== undefined) {
    const box = boundingBox(latitude, longitude, search.radiusMeters);
    const rows = await base()
      .where('service_code', '=', serviceCode)
      .where('latitude', '>=', box.minLatitude)
      .where('latitude', '<=', box.maxLatitude)
      .where('longitude', '>=', box.minLongitude)
      .where('longitude', '<=', box.maxLongitude)
      .execute();
    for (const row of rows) found.set(row.ticket_id, row);
  }
  const address = addressKey(search.address);
  if (address !== null) {
    const rows = await base().where('service_code', '=', serviceCode).where('address_key', '=', address).execute();
    for (const row of rows) found.set(row.ticket_id, row);
  }
  const nearby = [...found.values()]
    .map((row): PossibleDuplicate => {
      const lat = coordinate(row.latitude);
      const lon = coordinate(row.longitude);
      const distance = latitude !== undefined && longitude !== undefined && lat !== null && lon !== null ? distanceMeters(latitude, longitude, lat, lon) : null;
      return {
        ...entryOf(row),
        distanceMeters: distance === null ? null : Math.round(distance * 10) / 10,
        sameAddress: address !== null && row.address_key === address,
      };
    })
    .filter((entry) => entry.sameAddress || (entry.distanceMeters !== null && entry.distanceMeters <= search.radiusMeters))
    .sort(
      (a, b) => (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) || b.openedAt.localeCompare(a.openedAt) || a.ticketId.localeCompare(b.ticketId),
    )
    .slice(0, limit);

  const keys = { phone: residentPhoneKey(search.phone), email: residentEmailKey(search.email) };
  const own = new Map<string, { row: Row; matchedBy: ('phone' | 'email')[] }>();
  for (const kind of ['phone', 'email'] as const) {
    const key = keys[kind];
    if (key === null) continue;
    const column = kind === 'phone' ? 'resident_phone_key' : 'resident_email_key';
    const rows = await base().where(column, '=', key).orderBy('opened_at', 'desc').limit(limit).execute();
    for (const row of rows) {
      const entry = own.get(row.ticket_id) ?? { row, matchedBy: [] };
      entry.matchedBy.push(kind);
      own.set(row.ticket_id, entry);
    }
  }
  const callersOwn = [...own.values()]
    .map(({ row, matchedBy }): CallersOpenTicket => ({ ...entryOf(row), matchedBy }))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.ticketId.localeCompare(b.ticketId))
    .slice(0, limit);
  return { nearby, callersOwn };
}
