import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { SubscriptionFilter } from '../port/event-store';

/**
 * The server-side filter for a subscription. EventStoreDB applies one filter at a time, so stream
 * prefixes win when both parts are given and the adapter checks event types client-side as well.
 */
export function toEsdbFilter(filter: SubscriptionFilter | undefined): Filter {
  if (filter?.streamPrefixes) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypes) return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
