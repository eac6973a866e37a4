/**
 * The event store's own key-value table in a SQLite file (schema version, the chain migration's
 * report). Table names are prefixed because the embedded default shares its SQLite file with the
 * read models.
 */
export const META_TABLE = 'event_store_meta';
