import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError as EsdbInvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  ConcurrencyConflictError,
  EventStoreError,
  EventTooLargeError,
  InvalidArgumentError,
  StoreUnavailableError,
  StreamNotFoundError,
} from '../port/errors';
import { fromEsdbCurrentRevision, fromEsdbExpectedRevision } from './revisions';

/** Maps an error from @eventstore/db-client onto the port's closed error set. */
export function mapEsdbError(error: unknown, streamName = ''): EventStoreError {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    return new ConcurrencyConflictError(
      error.streamName || streamName,
      fromEsdbExpectedRevision(error.expectedVersion),
      fromEsdbCurrentRevision(error.actualVersion),
    );
  }
  if (error instanceof EsdbStreamNotFoundError || error instanceof StreamDeletedError) {
    return new StreamNotFoundError(error.streamName || streamName);
  }
  if (error instanceof MaxAppendSizeExceededError) return new EventTooLargeError(streamName, error.maxAppendSize);
  if (error instanceof EsdbInvalidArgumentError) return new InvalidArgumentError(`EventStoreDB rejected the request: ${error.message}`);
  if (error instanceof AccessDeniedError) {
    return new StoreUnavailableError(`EventStoreDB denied access: check the credentials in the connection string (${error.message}).`, {
      cause: error,
    });
  }
  const transient =
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(transient ? `EventStoreDB is unavailable (${detail}); retry later.` : `EventStoreDB request failed: ${detail}`, {
    cause: error,
  });
}
