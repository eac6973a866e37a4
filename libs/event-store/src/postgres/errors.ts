import { DatabaseError } from 'pg';
import { EventStoreError, InvalidArgumentError, StoreUnavailableError } from '../port/errors';

/** SQLSTATE classes after which the connection itself is suspect: connection exceptions, resources, operator intervention. */
const CONNECTION_CLASSES = ['08', '53', '57', '58', 'XX'];

/** A revision or event id already taken: the batch is decided again under the head lock. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === '23505';
}

/** Whether a failed connection may go back to the pool: only after a plain SQL error the server reported. */
export function connectionIsSound(error: unknown): boolean {
  return error instanceof DatabaseError && !CONNECTION_CLASSES.includes(String(error.code).slice(0, 2));
}

/** Maps a pg failure onto the port's closed set: bad text is the caller's, everything else is the store being unavailable. */
export function mapPostgresError(display: string, error: unknown): EventStoreError {
  if (error instanceof EventStoreError) return error;
  if (error instanceof DatabaseError && (error.code === '22021' || error.code === '22P05')) {
    return new InvalidArgumentError(`Event store ${display} refused the text: ${error.message}.`);
  }
  const code = (error as { code?: string } | undefined)?.code ?? 'unknown';
  return new StoreUnavailableError(`Event store ${display} failed (${code}): ${(error as Error)?.message ?? String(error)}`, { cause: error });
}
