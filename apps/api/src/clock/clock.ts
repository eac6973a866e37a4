/** Where the API reads the time: injected so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** Injection token of the Clock. */
export const CLOCK = 'switchboard:Clock';

export const systemClock: Clock = { now: () => new Date() };
