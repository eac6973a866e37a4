import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createEventStore, type EventStore, parseEventStoreUrl } from '@switchboard/event-store';
import { createReadStore, type ReadStore } from '@switchboard/read-models';
import { openResidentKeyStore, residentKeysSetting } from '@switchboard/command-handling';
import { parseCatalog, type ResidentKeyStore, type ServiceCatalog } from '@switchboard/ticketing';
import type { CliIo } from './cli-io';
import type { ParsedArgs } from './command';
import { UsageError } from './exit-codes';
import { stringOption } from './parse-command-line';

/** The API's default (docs/operations.md), so the CLI and the API open the same store unconfigured. */
export const DEFAULT_STORE_URL = 'sqlite:./data/switchboard.db';

/** The repository this CLI belongs to: the nearest folder above holding package.json (from apps/cli/src, and from its build in dist/apps/cli/src). */
function repositoryRoot(from: string): string {
  const parent = dirname(from);
  return existsSync(join(from, 'package.json')) || parent === from ? from : repositoryRoot(parent);
}

/** The demo catalog of the repository this CLI belongs to, found wherever the CLI is run from. */
export const DEMO_CATALOG_FILE = join(repositoryRoot(__dirname), 'libs/ticketing/config/demo-catalog.json');

/** The event store URL from `--store`, else SWITCHBOARD_EVENT_STORE, else the default; `sqlite:` paths resolve against the working folder. */
export function storeUrl(args: ParsedArgs, io: CliIo): string {
  const url = stringOption(args, 'store') || io.env.SWITCHBOARD_EVENT_STORE || DEFAULT_STORE_URL;
  const config = parseEventStoreUrl(url);
  return config.adapter === 'sqlite' && !isAbsolute(config.path) ? `sqlite:${resolve(io.cwd, config.path)}` : url;
}

/** Opens the event store the options and environment select. */
export function openStore(args: ParsedArgs, io: CliIo): EventStore {
  return createEventStore(storeUrl(args, io));
}

/** Loads the service catalog from `--catalog`, else SWITCHBOARD_CATALOG, else the demo catalog. */
export function loadCatalog(args: ParsedArgs, io: CliIo): ServiceCatalog {
  const named = stringOption(args, 'catalog') || io.env.SWITCHBOARD_CATALOG;
  const file = named ? resolve(io.cwd, named) : DEMO_CATALOG_FILE;
  return parseCatalog(readFileSync(file, 'utf8'), file);
}

/** Runs `work` with an open store and closes the store afterwards, whatever happens. */
export async function withStore<T>(args: ParsedArgs, io: CliIo, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = openStore(args, io);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs `work` with an open store and its resident key store (SWITCHBOARD_RESIDENT_KEYS, else beside a SQLite log), closing both afterwards. */
export async function withStoreAndKeys<T>(args: ParsedArgs, io: CliIo, work: (store: EventStore, keys: ResidentKeyStore) => Promise<T>): Promise<T> {
  const keys = openResidentKeyStore(storeUrl(args, io), residentKeysSetting(io.env.SWITCHBOARD_RESIDENT_KEYS, io.cwd));
  try {
    return await withStore(args, io, (store) => work(store, keys));
  } finally {
    await keys.close();
  }
}

/**
 * Opens the read store from `--read-store`, else SWITCHBOARD_READ_STORE, else (as the API does)
 * the SQLite event store's own file; relative `sqlite:` paths resolve against the working folder.
 */
export async function openReadStore(args: ParsedArgs, io: CliIo): Promise<ReadStore> {
  const named = stringOption(args, 'read-store') || io.env.SWITCHBOARD_READ_STORE;
  const events = storeUrl(args, io);
  const url = named ?? (events.startsWith('sqlite:') ? events : undefined);
  if (!url) throw new UsageError('name the read store with --read-store or SWITCHBOARD_READ_STORE (the event store is not SQLite).');
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : undefined;
  return createReadStore(path && !isAbsolute(path) ? `sqlite:${resolve(io.cwd, path)}` : url);
}
