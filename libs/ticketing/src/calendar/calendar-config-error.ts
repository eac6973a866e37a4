import { type ConfigProblem, formatProblem } from './config-reader';

/** Thrown when a business calendar is created from an invalid configuration. */
export class CalendarConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid business calendar configuration:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
    this.name = 'CalendarConfigError';
  }
}
