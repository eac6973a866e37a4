/** Time and timers, injected so tests move time by hand instead of sleeping. */
export interface Clock {
  now(): Date;
  /** The callback may return a promise; a test clock awaits it, so moving time settles what it triggered. */
  setTimeout(callback: () => unknown, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock; its timers do not keep the process alive. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
