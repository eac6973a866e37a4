import type { GlobalPosition, ReadAllOptions, ReadStreamOptions } from './event-store';
import { InvalidArgumentError } from './errors';
import { validateCount, validateStreamName } from './validation';

/** Validated stream-read options with defaults applied. */
export function readStreamOptions(
  streamName: string,
  options: ReadStreamOptions = {},
): { forwards: boolean; fromRevision: number | undefined; maxCount: number } {
  validateStreamName(streamName);
  validateCount('fromRevision', options.fromRevision, 0);
  validateCount('maxCount', options.maxCount, 1);
  return { forwards: isForwards(options.direction), fromRevision: options.fromRevision, maxCount: options.maxCount ?? Infinity };
}

/** Validated `$all`-read options with defaults applied. */
export function readAllOptions(options: ReadAllOptions = {}): { forwards: boolean; after: GlobalPosition | undefined; maxCount: number } {
  validateCount('maxCount', options.maxCount, 1);
  return { forwards: isForwards(options.direction), after: options.after, maxCount: options.maxCount ?? Infinity };
}

function isForwards(direction: string | undefined): boolean {
  if (direction === undefined || direction === 'forwards') return true;
  if (direction === 'backwards') return false;
  throw new InvalidArgumentError(`Direction must be "forwards" or "backwards", got ${JSON.stringify(direction)}.`);
}
