import { type Clock, systemClock } from '@switchboard/read-models';

/** The one Clock of the project (time and timers), as the read models define it; the API reads its time from it. */
export { type Clock, systemClock };

/** Injection token of the Clock. */
export const CLOCK = 'switchboard:Clock';
