import type { ApiClient } from './api-client';
import { ApiProblem } from './api-client';
import type { Problem, QueueChange } from './api-types';
import { SseParser } from './sse-parser';

/** Answers worth asking again after a pause: request timeout, too many requests. */
const RETRYABLE = new Set([408, 429]);

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface FeedHandlers {
  /** Changes from now on will arrive (load the queue after this): the feed opened, or it said `reset` (the changes missed are no longer kept). */
  readonly onOpen: () => void;
  readonly onChange: (change: QueueChange, position: string | undefined) => void;
  readonly onStatus: (status: FeedStatus, problem?: Problem) => void;
}

/**
 * Follows GET /departments/:id/queue/events. Browsers' EventSource cannot send the Authorization
 * header, so the stream is read with fetch; after a drop it reconnects with Last-Event-ID, and the
 * API sends every change missed meanwhile. A 4xx answer (no access, unknown department) stops it.
 * Answers the function that closes it.
 */
export function followQueue(api: ApiClient, department: string, handlers: FeedHandlers): () => void {
  const controller = new AbortController();
  let lastEventId: string | undefined;
  let delay = 250;

  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      let openedAt: number | undefined;
      try {
        const headers = api.headers({ accept: 'text/event-stream' });
        if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
        const response = await fetch(`/departments/${encodeURIComponent(department)}/queue/events`, { headers, signal: controller.signal });
        if (!response.ok || !response.body) {
          const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
          const refused = problem ?? { statusCode: response.status, error: `HTTP ${response.status}`, message: response.statusText };
          if (response.status === 401) api.unauthorized(refused);
          // No access, no such department: asking again will not help. Timeouts and rate limits will.
          if (response.status >= 400 && response.status < 500 && !RETRYABLE.has(response.status)) {
            handlers.onStatus('refused', refused);
            return;
          }
          throw new ApiProblem(refused);
        }
        openedAt = Date.now();
        handlers.onStatus('live');
        handlers.onOpen();
        const parser = new SseParser(lastEventId);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            lastEventId = parser.lastEventId;
            if (message.event === 'added' || message.event === 'updated' || message.event === 'removed') {
              handlers.onChange(JSON.parse(message.data) as QueueChange, message.id);
            } else if (message.event === 'reset') {
              // The Last-Event-ID was too old (or unknown) to resume after: reload the whole queue.
              handlers.onOpen();
            }
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      // A connection that stayed up a while starts the back-off again; one dropped at once keeps growing it.
      delay = openedAt !== undefined && Date.now() - openedAt > 5_000 ? 500 : Math.min(delay * 2, 10_000);
      handlers.onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
  handlers.onStatus('connecting');
  void connect();
  return () => controller.abort();
}
