import type { ApiClient } from './api-client';
import { ApiProblem } from './api-client';
import type { Problem, QueueChange } from './api-types';
import { SseParser } from './sse-parser';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface FeedHandlers {
  /** The feed is open: changes from now on will arrive (load the queue after this). */
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
  let delay = 500;

  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const headers = api.headers({ accept: 'text/event-stream' });
        if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
        const response = await fetch(`/departments/${encodeURIComponent(department)}/queue/events`, { headers, signal: controller.signal });
        if (!response.ok || !response.body) {
          const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
          const refused = problem ?? { statusCode: response.status, error: `HTTP ${response.status}`, message: response.statusText };
          if (response.status >= 400 && response.status < 500) {
            handlers.onStatus('refused', refused);
            return;
          }
          throw new ApiProblem(refused);
        }
        handlers.onStatus('live');
        handlers.onOpen();
        delay = 500;
        const parser = new SseParser(lastEventId);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            lastEventId = parser.lastEventId;
            if (message.event === 'added' || message.event === 'updated' || message.event === 'removed') {
              handlers.onChange(JSON.parse(message.data) as QueueChange, message.id);
            }
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        void error;
      }
      if (controller.signal.aborted) return;
      handlers.onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  };
  handlers.onStatus('connecting');
  void connect();
  return () => controller.abort();
}
