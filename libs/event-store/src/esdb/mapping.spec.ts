import {
  ANY,
  DeadlineExceededError,
  eventTypeFilter,
  excludeSystemEvents,
  MaxAppendSizeExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError as EsdbStreamNotFoundError,
  streamNameFilter,
  UnavailableError,
  WrongExpectedVersionError,
  type RegexFilter,
} from '@eventstore/db-client';
import { ConcurrencyConflictError, EventTooLargeError, InvalidArgumentError, StoreUnavailableError, StreamNotFoundError } from '../port/errors';
import { backoffDelay } from './backoff';
import { mapEsdbError } from './errors';
import { toEsdbFilter } from './filters';
import { decodePosition, encodePosition } from './positions';
import { fromEsdbCurrentRevision, fromEsdbRevision, toEsdbExpectedRevision } from './revisions';

describe('EventStoreDB mapping', () => {
  it('maps expected revisions onto the client constants and bigints', () => {
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
    expect(fromEsdbRevision(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => fromEsdbRevision(9_007_199_254_740_992n)).toThrow(StoreUnavailableError);
    expect(fromEsdbCurrentRevision(NO_STREAM)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(-1n)).toBe('no_stream');
  });

  it('encodes positions as fixed-width strings that sort like the log', () => {
    const positions = [
      { commit: 0n, prepare: 0n },
      { commit: 5n, prepare: 3n },
      { commit: 5n, prepare: 12n },
      { commit: 123_456_789n, prepare: 1n },
      { commit: 18_446_744_073_709_551_615n, prepare: 18_446_744_073_709_551_615n },
    ];
    const encoded = positions.map(encodePosition);
    expect(encoded[1]).toBe('00000000000000000005/00000000000000000003');
    expect([...encoded].sort()).toEqual(encoded);
    expect(encoded.map(decodePosition)).toEqual(positions);
    expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded);
    expect(() => decodePosition('42')).toThrow(InvalidArgumentError);
  });

  it('maps the client errors onto the port errors', () => {
    const conflict = mapEsdbError(new WrongExpectedVersionError(undefined, { streamName: 's', expected: 3n, current: 5n }));
    expect(conflict).toBeInstanceOf(ConcurrencyConflictError);
    expect(conflict).toMatchObject({ streamName: 's', expected: 3, actual: 5 });
    expect(mapEsdbError(new WrongExpectedVersionError(undefined, { streamName: 's', expected: STREAM_EXISTS, current: NO_STREAM }))).toMatchObject({
      expected: 'exists',
      actual: 'no_stream',
    });
    expect(mapEsdbError(new EsdbStreamNotFoundError(undefined, 'ticket-1'))).toEqual(new StreamNotFoundError('ticket-1'));
    const tooLarge = mapEsdbError(new MaxAppendSizeExceededError(undefined, 1_048_576), 'ticket-1');
    expect(tooLarge).toBeInstanceOf(EventTooLargeError);
    expect(tooLarge).toMatchObject({ streamName: 'ticket-1', limitBytes: 1_048_576 });
    expect(mapEsdbError(new UnavailableError(undefined, 'no connection'))).toBeInstanceOf(StoreUnavailableError);
    expect(mapEsdbError(new DeadlineExceededError(undefined, 'deadline')).message).toMatch(/unavailable.*retry later/);
    expect(mapEsdbError(new Error('socket hang up'))).toBeInstanceOf(StoreUnavailableError);
  });

  it('builds server-side filters from the subscription filter', () => {
    expect(toEsdbFilter({ streamPrefixes: ['ticket-'] })).toEqual(streamNameFilter({ prefixes: ['ticket-'] }));
    expect(toEsdbFilter({ streamPrefixes: ['ticket-'], eventTypes: ['A'] })).toEqual(streamNameFilter({ prefixes: ['ticket-'] }));
    expect(toEsdbFilter(undefined)).toEqual(excludeSystemEvents());
    const byType = toEsdbFilter({ eventTypes: ['TicketOpened', 'Odd.Type+1'] }) as RegexFilter;
    expect(byType).toEqual(eventTypeFilter({ regex: byType.regex }));
    const regex = new RegExp(byType.regex);
    expect(['TicketOpened', 'Odd.Type+1'].every((type) => regex.test(type))).toBe(true);
    expect(['TicketOpenedX', 'OddXType+1', 'xTicketOpened'].some((type) => regex.test(type))).toBe(false);
  });

  it('backs off exponentially up to a bound', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 5_000 };
    expect([0, 1, 2, 5, 6, 100].map((attempt) => backoffDelay(attempt, options))).toEqual([100, 200, 400, 3_200, 5_000, 5_000]);
  });
});
