import { setImmediate as yieldToEventLoop, setTimeout as delay } from 'node:timers/promises';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../port/event-store';
import { StoreUnavailableError } from '../port/errors';
import { matchesFilter, validateFilter } from '../port/filter';
import { backoffDelay, type BackoffOptions } from '../esdb/backoff';
import { positionToSequence } from './sequence-position';

/** What a sequence-numbered log offers a subscription. */
export interface SubscribableLog {
  /** Up to `limit` events with a sequence above `afterSequence`, in order. */
  readPage(afterSequence: number, limit: number): readonly RecordedEvent[] | Promise<readonly RecordedEvent[]>;
  /** Registers a wake-up call for new events; returns its removal. */
  onAppended(listener: () => void): () => void;
  /** Also look for new events this often (for writers in other processes); omitted means never. */
  readonly pollIntervalMs?: number;
  readonly pageSize: number;
  /**
   * A log on a server: a page read that fails with StoreUnavailableError is tried again after
   * these growing delays, from the last delivered event, instead of stopping the subscription.
   */
  readonly retryUnavailable?: BackoffOptions;
}

/**
 * A catch-up subscription that always reads from the log after the last event it handled, whether
 * catching up or live. Notifications and polls only wake it up, so the handover to live delivery
 * can neither skip nor repeat an event (the log's positions follow commit order).
 */
export function startCatchUpSubscription(log: SubscribableLog, options: SubscribeOptions): Subscription {
  validateFilter(options.filter);
  let after = options.after === undefined ? 0 : positionToSequence(options.after);
  let closed = false;
  let pending = true;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    pending = true;
    wake?.();
  };
  const stopListening = log.onAppended(signal);
  const timer = log.pollIntervalMs === undefined ? undefined : setInterval(signal, log.pollIntervalMs);
  timer?.unref();
  const abort = new AbortController();

  let failures = 0;
  const readPage = async (): Promise<readonly RecordedEvent[] | undefined> => {
    try {
      const page = await log.readPage(after, log.pageSize);
      failures = 0;
      return page;
    } catch (error) {
      if (!log.retryUnavailable || !(error instanceof StoreUnavailableError) || closed) throw error;
      await delay(backoffDelay(failures++, log.retryUnavailable), undefined, { signal: abort.signal }).catch(() => undefined);
      return undefined;
    }
  };

  const run = async (): Promise<void> => {
    let caughtUp = false;
    while (!closed) {
      pending = false;
      const page = await readPage();
      if (page === undefined) continue;
      for (const event of page) {
        if (closed) return;
        if (matchesFilter(options.filter, event)) await options.onEvent(event);
        after = positionToSequence(event.globalPosition);
      }
      if (page.length === log.pageSize) {
        await yieldToEventLoop();
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        options.onCaughtUp?.();
      }
      if (!pending && !closed) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  };

  // Started on a later tick so no handler runs before subscribeToAll() has returned.
  const stopped = Promise.resolve()
    .then(run)
    .finally(() => {
      stopListening();
      if (timer) clearInterval(timer);
    });
  // Callers that only ever close() need not observe the rejection; those who await `stopped` still get it.
  stopped.catch(() => undefined);
  return {
    stopped,
    close: async () => {
      closed = true;
      abort.abort();
      wake?.();
      await stopped.catch(() => undefined);
    },
  };
}
