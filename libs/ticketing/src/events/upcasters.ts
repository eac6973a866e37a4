import type { EventMetadata, StampedTicketEvent, TicketEventType } from './ticket-events';

/** The schema version written today for each event type. */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<TicketEventType, number>> = {
  TicketOpened: 2,
  TicketAssigned: 1,
  WorkStarted: 1,
  TicketEscalated: 2,
  TicketPutOnHold: 1,
  TicketResumed: 1,
  TicketCommented: 1,
  PriorityChanged: 1,
  SlaBreached: 1,
  TicketCompleted: 1,
  TicketReopened: 1,
  TicketClosed: 1,
  AnotherReportRecorded: 1,
  PhotoAttached: 1,
  ResidentDataErased: 1,
  ResidentNotified: 1,
  StaffNotified: 1,
  ResidentUnsubscribed: 1,
};

/** An event as it comes out of a store: any schema version, data not yet trusted to today's shape. */
export interface TicketEventAsStored {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Omit<EventMetadata, 'schemaVersion'> & { readonly schemaVersion?: number };
}

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

const definedOnly = (o: Record<string, unknown>): Record<string, unknown> | undefined => {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? Object.fromEntries(entries) : undefined;
};

/**
 * v1 of TicketOpened stored location and resident contact as flat fields and called the
 * owning department `department`; v2 groups them so contact data can be withheld as a unit.
 */
const ticketOpenedV1ToV2: Upcaster = (v1) => {
  const { address, latitude, longitude, residentName, residentPhone, residentEmail, department, ...rest } = v1;
  const location = definedOnly({ address, latitude, longitude });
  const contact = definedOnly({ name: residentName, phone: residentPhone, email: residentEmail });
  return {
    ...rest,
    owningDepartment: department,
    ...(location ? { location } : {}),
    ...(contact ? { contact } : {}),
  };
};

/** v1 of TicketEscalated named the level; v2 numbers the tier so "past the director" is a comparison. */
const ticketEscalatedV1ToV2: Upcaster = (v1) => {
  const { level, ...rest } = v1;
  return { ...rest, tier: level === 'director' ? 2 : 1 };
};

/** upcasters[type][n] turns version n+1 into version n+2. */
const UPCASTERS: Partial<Record<TicketEventType, readonly Upcaster[]>> = {
  TicketOpened: [ticketOpenedV1ToV2],
  TicketEscalated: [ticketEscalatedV1ToV2],
};

const isKnownType = (type: string): type is TicketEventType => Object.hasOwn(CURRENT_SCHEMA_VERSION, type);

/** A stored version as a whole number from 1 to today's; anything unreadable counts as 1. */
const storedVersion = (raw: unknown, current: number): number => {
  const version = Number(raw ?? 1);
  return Number.isInteger(version) && version >= 1 ? Math.min(version, current) : 1;
};

/**
 * Brings a stored event up to today's schema. Events of types this version does not know
 * are returned as `undefined` so replay skips them instead of failing: history is never
 * rejected.
 */
export function upcast(stored: TicketEventAsStored): StampedTicketEvent | undefined {
  if (!isKnownType(stored.type)) return undefined;
  const current = CURRENT_SCHEMA_VERSION[stored.type];
  let version = storedVersion(stored.metadata.schemaVersion, current);
  let data = stored.data;
  const chain = UPCASTERS[stored.type] ?? [];
  for (; version < current; version += 1) {
    const step = chain[version - 1];
    if (step) data = step(data);
  }
  return {
    type: stored.type,
    data,
    metadata: { ...stored.metadata, schemaVersion: version },
  } as unknown as StampedTicketEvent;
}
