/** Bounds for reconnecting a dropped subscription. */
export interface BackoffOptions {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialDelayMs: 100, maxDelayMs: 10_000 };

/** Exponential delay before reconnect attempt `attempt` (0-based), capped at `maxDelayMs`. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  return Math.min(options.initialDelayMs * 2 ** Math.min(attempt, 30), options.maxDelayMs);
}
