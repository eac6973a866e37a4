/** What one SSE client of a department's queue feed saw across its reconnections. */
export interface FeedClientRecord {
  received: number;
  reconnects: number;
  /** Event ids that went backwards: a replay after reconnecting must not reorder. */
  outOfOrder: number;
  /** The same change (id and data) delivered twice: a replay must not repeat. */
  duplicates: number;
  errors: string[];
}

/**
 * A queue consumer that reconnects now and then with Last-Event-ID, as a browser does after
 * a network blip: it must receive what it missed, once, in order.
 */
export async function runFeedClient(base: string, token: string, until: number): Promise<FeedClientRecord> {
  const record: FeedClientRecord = { received: 0, reconnects: 0, outOfOrder: 0, duplicates: 0, errors: [] };
  const seen = new Set<string>();
  let lastId: string | undefined;
  while (Date.now() < until) {
    const abort = new AbortController();
    const session = Math.min(until - Date.now(), 3_000 + Math.random() * 12_000);
    const timer = setTimeout(() => abort.abort(), session);
    try {
      const response = await fetch(`${base}/departments/DPW/queue/events`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) },
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        record.errors.push(`feed answered ${response.status}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      let buffer = '';
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: ?(.*)$/m.exec(message)?.[1];
          if (id === undefined) continue;
          if (lastId !== undefined && id < lastId) record.outOfOrder += 1;
          if (seen.has(message)) record.duplicates += 1;
          seen.add(message);
          lastId = id;
          record.received += 1;
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) record.errors.push(String(error));
    } finally {
      clearTimeout(timer);
    }
    record.reconnects += 1;
  }
  return record;
}
