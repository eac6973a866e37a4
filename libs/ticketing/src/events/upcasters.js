"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CURRENT_SCHEMA_VERSION = void 0;
exports.upcast = upcast;
/** The schema version written today for each event type. */
exports.CURRENT_SCHEMA_VERSION = {
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
};
const definedOnly = (o) => {
    const entries = Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '');
    return entries.length ? Object.fromEntries(entries) : undefined;
};
/**
 * v1 of TicketOpened stored location and resident contact as flat fields and called the
 * owning department `department`; v2 groups them so contact data can be withheld as a unit.
 */
const ticketOpenedV1ToV2 = (v1) => {
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
const ticketEscalatedV1ToV2 = (v1) => {
    const { level, ...rest } = v1;
    return { ...rest, tier: level === 'director' ? 2 : 1 };
};
/** upcasters[type][n] turns version n+1 into version n+2. */
const UPCASTERS = {
    TicketOpened: [ticketOpenedV1ToV2],
    TicketEscalated: [ticketEscalatedV1ToV2],
};
const isKnownType = (type) => type in exports.CURRENT_SCHEMA_VERSION;
/**
 * Brings a stored event up to today's schema. Events of types this version does not know
 * are returned as `undefined` so replay skips them instead of failing: history is never
 * rejected.
 */
function upcast(stored) {
    if (!isKnownType(stored.type))
        return undefined;
    const current = exports.CURRENT_SCHEMA_VERSION[stored.type];
    let version = stored.metadata.schemaVersion ?? 1;
    let data = stored.data;
    const chain = UPCASTERS[stored.type] ?? [];
    while (version < current) {
        data = chain[version - 1](data);
        version += 1;
    }
    return {
        type: stored.type,
        data,
        metadata: { ...stored.metadata, schemaVersion: version },
    };
}
//# sourceMappingURL=upcasters.js.map