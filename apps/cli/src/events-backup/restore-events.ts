import { ConcurrencyConflictError, type EventStore, type GlobalPosition, InvalidArgumentError } from '@switchboard/event-store';
import { DataError } from '../exit-codes';
import { numberedLines } from '../input/numbered-lines';
import { headPosition } from '@switchboard/read-models';
import { type BackupLine, parseBackupLine } from './backup-line';

/** Consecutive events of one stream appended together: fewer commits, same order. */
const MAX_BATCH = 500;

interface PendingLine {
  readonly number: number;
  readonly event: BackupLine;
}

/** How many events a restore wrote, and how many the store already held (from an earlier, maybe partial, run). */
export interface RestoreCount {
  written: number;
  alreadyPresent: number;
}

/**
 * Appends a checked backup file's events in file order, each at its original revision. The store's
 * idempotent append (same ids, same content, same expected revision) makes a re-run write nothing twice.
 */
export async function restoreEvents(store: EventStore, file: string): Promise<RestoreCount> {
  const head = await headPosition(store);
  const count: RestoreCount = { written: 0, alreadyPresent: 0 };
  let batch: PendingLine[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length > 0) await appendBatch(store, file, batch, head, count);
    batch = [];
  };
  for await (const { number, text } of numberedLines(file)) {
    const event = parseBackupLine(text);
    const previous = batch.at(-1);
    if (previous && (previous.event.stream !== event.stream || batch.length >= MAX_BATCH)) await flush();
    batch.push({ number, event });
  }
  await flush();
  return count;
}

async function appendBatch(store: EventStore, file: string, batch: PendingLine[], head: GlobalPosition | undefined, count: RestoreCount): Promise<void> {
  try {
    await appendLines(store, batch, head, count);
  } catch (error) {
    if (batch.length === 1 || !isRefusal(error)) throw refusalAt(file, batch[0], error);
    // An earlier run may have written part of this run's batch: event by event, each is idempotent.
    for (const line of batch) {
      try {
        await appendLines(store, [line], head, count);
      } catch (single) {
        throw refusalAt(file, line, single);
      }
    }
  }
}

async function appendLines(store: EventStore, lines: readonly PendingLine[], head: GlobalPosition | undefined, count: RestoreCount): Promise<void> {
  const first = lines[0].event;
  const expected = first.revision === 0 ? 'no_stream' : first.revision - 1;
  const events = lines.map(({ event }) => ({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
  const result = await store.append(first.stream, expected, events);
  // An idempotent retry answers with the original position, which lies at or before the head we started from.
  if (head !== undefined && result.position <= head) count.alreadyPresent += lines.length;
  else count.written += lines.length;
}

const isRefusal = (error: unknown): boolean => error instanceof ConcurrencyConflictError || error instanceof InvalidArgumentError;

function refusalAt(file: string, line: PendingLine, error: unknown): unknown {
  if (!isRefusal(error)) return error;
  const { stream, revision, id } = line.event;
  return new DataError(`${file}:${line.number}: the store refuses event ${id} as revision ${revision} of "${stream}": ${(error as Error).message}`);
}
