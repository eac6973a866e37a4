import { ApiClient } from '../../src/lib/api-client';
import { followQueue } from '../../src/lib/queue-feed';

/** An SSE answer that sends `blocks` and ends. */
const stream = (...blocks: string[]): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const block of blocks) controller.enqueue(new TextEncoder().encode(block));
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );

describe('the console’s live queue feed', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    jest.useRealTimers();
  });

  it('reloads the queue when the feed says reset, and reconnects after the reset’s id', async () => {
    jest.useFakeTimers();
    const sent: Record<string, string>[] = [];
    const answers: Response[] = [
      stream(
        'id: 00000000000000000004\nevent: added\ndata: {"ticketId":"A","kind":"added","entry":null}\n\n',
        'id: 00000000000000000009\nevent: reset\ndata: {"reason":"expired","reload":"/departments/DPW/queue"}\n\n',
      ),
    ];
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      sent.push(init.headers as Record<string, string>);
      const answer = answers.shift();
      if (answer) return answer;
      // Later connections stay pending until the feed is closed.
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('closed', 'AbortError'))));
    }) as typeof fetch;
    const seen: string[] = [];
    const close = followQueue(new ApiClient('token'), 'DPW', {
      onOpen: () => seen.push('load the queue'),
      onChange: (change) => seen.push(`${change.kind} ${change.ticketId}`),
      onStatus: (status) => seen.push(status),
    });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(seen).toEqual(['connecting', 'live', 'load the queue', 'added A', 'load the queue', 'reconnecting']);
    expect(sent.map((headers) => headers['last-event-id'])).toEqual([undefined, '00000000000000000009']);
    close();
  });
});
