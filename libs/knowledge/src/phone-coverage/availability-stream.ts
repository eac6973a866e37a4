import { streamCodec } from '../shared/stream-codec';
import { AVAILABILITY_SCHEMA_VERSIONS, type AvailabilityEvent } from './availability-events';

/** The one mapping between availability events and a store's records: streams are `availability-<staffId>`. */
export const availabilityStream = streamCodec<AvailabilityEvent>('availability-', AVAILABILITY_SCHEMA_VERSIONS);
