export * from './port/event-store';
export * from './port/errors';
export { DEFAULT_MAX_EVENT_BYTES } from './port/validation';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './memory/in-memory-event-store';
