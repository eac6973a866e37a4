import type { RecordedEvent, SubscriptionFilter } from './event-store';
import { InvalidArgumentError } from './errors';

/** Whether an event passes a subscription filter (every given part must match). */
export function matchesFilter(filter: SubscriptionFilter | undefined, event: RecordedEvent): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamName.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}

/** Rejects filters that could never match, which are almost always a caller's mistake. */
export function validateFilter(filter: SubscriptionFilter | undefined): void {
  for (const [name, values] of Object.entries(filter ?? {}) as [string, readonly string[] | undefined][]) {
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== 'string' || value === '')) {
      throw new InvalidArgumentError(`Subscription filter "${name}" must be a non-empty list of non-empty strings; omit it to match everything.`);
    }
  }
}
