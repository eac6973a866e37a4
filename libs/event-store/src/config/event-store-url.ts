import { InvalidArgumentError } from '../port/errors';

/** Which adapter a configuration URL selects, with what it needs. */
export type EventStoreConfig =
  | { readonly adapter: 'memory' }
  | { readonly adapter: 'sqlite'; readonly path: string }
  | { readonly adapter: 'esdb'; readonly connectionString: string }
  | { readonly adapter: 'postgres'; readonly connectionString: string };

const EXAMPLES =
  '"sqlite:./data/switchboard.db", "memory:", "postgres://user@host:5432/switchboard", "esdb://localhost:2113?tls=false" or "esdb+discover://cluster.dns:2113"';

/** Parses SWITCHBOARD_EVENT_STORE-style URLs: `sqlite:<path>`, `memory:`, `postgres://…` / `postgresql://…`, `esdb://…`, `esdb+discover://…`. */
export function parseEventStoreUrl(url: string): EventStoreConfig {
  const value = (url ?? '').trim();
  if (value === 'memory:') return { adapter: 'memory' };
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path === '') throw new InvalidArgumentError(`Event store URL "${url}" names no file; use e.g. "sqlite:./data/switchboard.db".`);
    return { adapter: 'sqlite', path };
  }
  if (/^esdb(\+discover)?:\/\/./.test(value)) return { adapter: 'esdb', connectionString: value };
  if (/^postgres(ql)?:\/\/./.test(value)) return { adapter: 'postgres', connectionString: value };
  throw new InvalidArgumentError(`Event store URL ${JSON.stringify(url)} is not supported; use ${EXAMPLES}.`);
}
