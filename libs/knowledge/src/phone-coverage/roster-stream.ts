import { streamCodec } from '../shared/stream-codec';
import { ROSTER_SCHEMA_VERSIONS, type RosterEvent } from './roster-events';

/** The one mapping between roster events and a store's records: streams are `roster-<department>`. */
export const rosterStream = streamCodec<RosterEvent>('roster-', ROSTER_SCHEMA_VERSIONS);
