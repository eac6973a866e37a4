import { streamCodec } from '../shared/stream-codec';
import { CONTACT_SCHEMA_VERSIONS, type ContactEvent } from './contact-events';

/** The one mapping between contact events and a store's records: streams are `contact-<id>`; the resident's identity is sealed under the contact's key. */
export const contactStream = streamCodec<ContactEvent>('contact-', CONTACT_SCHEMA_VERSIONS, 'resident');
