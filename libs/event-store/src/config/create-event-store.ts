import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from '../port/event-store';
import { EsdbEventStore, type EsdbEventStoreOptions } from '../esdb/esdb-event-store';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { PostgresEventStore, type PostgresEventStoreOptions } from '../postgres/postgres-event-store';
import { SqliteEventStore, type SqliteEventStoreOptions } from '../sqlite/sqlite-event-store';
import { parseEventStoreUrl } from './event-store-url';

/** Adapter settings beyond the URL. */
export interface EventStoreSettings {
  readonly sqlite?: SqliteEventStoreOptions;
  readonly esdb?: EsdbEventStoreOptions;
  readonly postgres?: PostgresEventStoreOptions;
}

/** Opens the adapter a configuration URL selects (creating the SQLite file's directory if needed). */
export function createEventStore(url: string, settings: EventStoreSettings = {}): EventStore {
  const config = parseEventStoreUrl(url);
  switch (config.adapter) {
    case 'memory':
      return new InMemoryEventStore();
    case 'sqlite':
      mkdirSync(dirname(config.path), { recursive: true });
      return SqliteEventStore.open(config.path, settings.sqlite);
    case 'esdb':
      return EsdbEventStore.connect(config.connectionString, settings.esdb);
    case 'postgres':
      return PostgresEventStore.connect(config.connectionString, settings.postgres);
  }
}
