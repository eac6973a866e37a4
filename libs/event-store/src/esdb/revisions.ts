import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import type { ExpectedRevision } from '../port/event-store';
import { StoreUnavailableError } from '../port/errors';

/** Maps the port's expected revision onto the client's constants and bigint revisions. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'exists') return STREAM_EXISTS;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

/** Maps the client's expected revision back onto the port's. */
export function fromEsdbExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  if (expected === NO_STREAM) return 'no_stream';
  if (expected === STREAM_EXISTS) return 'exists';
  if (expected === ANY) return 'any';
  return expected < 0n ? 'no_stream' : fromEsdbRevision(expected);
}

/** Maps a stream's current revision (bigint, -1 or `no_stream` when absent) onto the port's. */
export function fromEsdbCurrentRevision(current: CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM || current < 0n ? 'no_stream' : fromEsdbRevision(current);
}

/** Converts a bigint revision to a number; revisions beyond 2^53 cannot occur in practice, so one is a server fault. */
export function fromEsdbRevision(revision: bigint): number {
  if (revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new StoreUnavailableError(`EventStoreDB returned revision ${revision}, beyond what this client can represent.`);
  }
  return Number(revision);
}
