import type { GlobalPosition } from '@switchboard/event-store';

/** A query parameter a caller got wrong; `parameter` names it so the HTTP layer can answer 400 with it. */
export class InvalidQueryParameterError extends Error {
  override readonly name = 'InvalidQueryParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`Invalid "${parameter}": ${message}`);
  }
}

/** The read models did not reach a position within the bound; the HTTP layer answers 503 with Retry-After. */
export class ReadModelTimeoutError extends Error {
  override readonly name = 'ReadModelTimeoutError';
  constructor(
    readonly position: GlobalPosition,
    readonly timeoutMs: number,
    readonly reached: GlobalPosition | undefined,
  ) {
    super(`Read models did not reach position ${position} within ${timeoutMs} ms (they are at ${reached ?? 'the start'}); retry shortly.`);
  }
}

/**
 * The active generation still waits for facts an upgrade added (migration 6) to be filled in from
 * the event log; like a wait that timed out, the HTTP layer answers 503 with Retry-After.
 */
export class ReadModelsBackfillingError extends ReadModelTimeoutError {
  constructor(through: GlobalPosition, reached: GlobalPosition | undefined) {
    super(through, 0, reached);
    this.message = `Read models are filling in facts added by an upgrade from the event log (up to ${through}; they are at ${reached ?? 'the start'}); retry shortly.`;
  }
}

/** The runner's lease passed to another runner (or expired); its pending batch was not written. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(
    readonly leaseName: string,
    readonly holder: string,
  ) {
    super(`Runner ${holder} no longer holds lease "${leaseName}"; it steps back to standby.`);
  }
}

/** The active generation changed under a runner (a blue-green switch); it restarts on the new one. */
export class GenerationSwitchedError extends Error {
  override readonly name = 'GenerationSwitchedError';
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super(`Active read-model generation moved from ${from} to ${to}.`);
  }
}

/**
 * The active generation was projected before the temporal read model existed (migration 13): it
 * holds no versions of the past, so answers at a past moment wait for a rebuild (`switchboard
 * rebuild`) instead of leaving history out. The HTTP layer answers 503.
 */
export class TemporalModelPendingError extends Error {
  override readonly name = 'TemporalModelPendingError';
  constructor(readonly generation: number) {
    super(`Read-model generation ${generation} was projected before ticket versions were kept: answers at a past moment need a rebuild (switchboard rebuild).`);
  }
}
