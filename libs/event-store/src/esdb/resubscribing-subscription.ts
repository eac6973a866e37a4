import { START, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient, type Position } from '@eventstore/db-client';
import { setTimeout as delay } from 'node:timers/promises';
import type { SubscribeOptions, Subscription } from '../port/event-store';
import { StoreUnavailableError } from '../port/errors';
import { matchesFilter, validateFilter } from '../port/filter';
import { backoffDelay, type BackoffOptions } from './backoff';
import { mapEsdbError } from './errors';
import { fromResolvedEvent } from './events';
import { toEsdbFilter } from './filters';
import { decodePosition } from './positions';

const CAUGHT_UP = Symbol('caught up');

/** Marks a failure of the caller's handler, which stops the subscription instead of reconnecting. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * A `$all` catch-up subscription that resubscribes from the last handled position after the
 * connection drops, waiting a bounded, growing delay between attempts.
 */
export function subscribeWithReconnect(client: EventStoreDBClient, options: SubscribeOptions, backoff: BackoffOptions): Subscription {
  validateFilter(options.filter);
  let after: Position | undefined = options.after === undefined ? undefined : decodePosition(options.after);
  const filter = toEsdbFilter(options.filter);
  const abort = new AbortController();
  let current: AllStreamSubscription | undefined;
  // The caller hears "caught up" once, even when a reconnect catches up again.
  let caughtUp = false;

  const consume = async (subscription: AllStreamSubscription, onProgress: () => void): Promise<void> => {
    for await (const item of subscription as AsyncIterable<AllStreamResolvedEvent | typeof CAUGHT_UP>) {
      if (abort.signal.aborted) return;
      onProgress();
      if (item === CAUGHT_UP) {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        continue;
      }
      const event = fromResolvedEvent(item);
      if (event && matchesFilter(options.filter, event)) {
        // A handler that throws before it returns a promise stops the subscription too (it is no connection failure to retry).
        await new Promise<void>((resolve) => resolve(options.onEvent(event))).catch((error: unknown) => {
          throw new HandlerFailure(error);
        });
      }
      if (item.event?.position) after = item.event.position;
    }
  };

  const run = async (): Promise<void> => {
    let attempt = 0;
    while (!abort.signal.aborted) {
      const subscription = client.subscribeToAll({ fromPosition: after ?? START, filter });
      current = subscription;
      // The client emits caughtUp synchronously while transforming the server's message, so pushing a
      // marker here puts it in the stream right after the last catch-up event, in order.
      subscription.on('caughtUp', () => subscription.push(CAUGHT_UP));
      try {
        await consume(subscription, () => (attempt = 0));
        if (abort.signal.aborted) return;
        throw new StoreUnavailableError('The EventStoreDB subscription ended unexpectedly.');
      } catch (error) {
        if (error instanceof HandlerFailure) throw error.error;
        if (abort.signal.aborted) return;
        const mapped = mapEsdbError(error);
        if (!(mapped instanceof StoreUnavailableError)) throw mapped;
        await delay(backoffDelay(attempt++, backoff), undefined, { signal: abort.signal }).catch(() => undefined);
      } finally {
        subscription.destroy();
      }
    }
  };

  const stopped = Promise.resolve().then(run);
  stopped.catch(() => undefined);
  return {
    stopped,
    close: async () => {
      abort.abort();
      await current?.unsubscribe().catch(() => undefined);
      current?.destroy();
      await stopped.catch(() => undefined);
    },
  };
}
