export * from './port/event-store';
export * from './port/errors';
export { DEFAULT_MAX_EVENT_BYTES } from './port/validation';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './memory/in-memory-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
export type { BackoffOptions } from './esdb/backoff';
export { parseEventStoreUrl, type EventStoreConfig } from './config/event-store-url';
export { createEventStore, type EventStoreSettings } from './config/create-event-store';
export {
  EVENT_STORE,
  EventStoreModule,
  type EventStoreModuleAsyncOptions,
  type EventStoreModuleOptions,
} from './nest/event-store.module';
