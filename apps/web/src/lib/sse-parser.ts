import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** One Server-Sent Events message. */
export interface SseMessage {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/**
 * Incremental text/event-stream parsing for the live queue feed, which reads the stream with fetch
 * (EventSource cannot send Authorization): eventsource-parser does the WHATWG rules (`id`, `event`,
 * multi-line `data`, comments, CR/LF/CRLF line ends, chunks split anywhere, `retry` left to the
 * feed's own back-off); this answers the messages each chunk completes, with the event type
 * defaulted to `message`, and keeps the last id received. Messages without data are not
 * dispatched (the feed's messages all carry data).
 */
export class SseParser {
  private readonly parser = createParser({ onEvent: (message) => this.completed.push(message) });
  private completed: EventSourceMessage[] = [];
  /** The last `id` received, for Last-Event-ID on reconnect. */
  lastEventId: string | undefined;

  constructor(lastEventId?: string) {
    this.lastEventId = lastEventId;
  }

  /** Feeds a chunk; answers the messages it completed. */
  push(chunk: string): SseMessage[] {
    this.parser.feed(chunk);
    const messages = this.completed.map(({ id, event, data }): SseMessage => ({ id, event: event || 'message', data }));
    this.completed = [];
    for (const { id } of messages) if (id !== undefined) this.lastEventId = id;
    return messages;
  }
}
