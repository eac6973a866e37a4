import type { QueueChangePruner } from '@switchboard/read-models';
import { QUEUE_CHANGE_PRUNER } from '../src/read-models/read-models.module';
import { as, assignedToPublicWorks, startTestApi, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

interface FeedEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data?: any;
}

/** A Server-Sent Events connection read over HTTP with fetch streaming. */
class Feed {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly status: number,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
    private readonly abort: AbortController,
    readonly headers: Headers,
  ) {}

  static async open(api: TestApi, token: string, lastEventId?: string, department = 'DPW'): Promise<Feed> {
    const abort = new AbortController();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${await api.app.getUrl()}/departments/${department}/queue/events`, { headers, signal: abort.signal });
    return new Feed(response.status, response.ok ? response.body!.getReader() : undefined, abort, response.headers);
  }

  /** The next event (comments skipped); undefined when the server ended the stream. */
  async next(): Promise<FeedEvent | undefined> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) return event;
        continue;
      }
      const { done, value } = await this.reader!.read();
      if (done) return undefined;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next `count` events. */
  async take(count: number): Promise<FeedEvent[]> {
    const events: FeedEvent[] = [];
    while (events.length < count) events.push((await this.next())!);
    return events;
  }

  close(): void {
    this.abort.abort();
  }
}

/** One SSE block: `id`, `event` and JSON `data` lines; a block of comments only is no event. */
function parseBlock(block: string): FeedEvent | undefined {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const match = /^(id|event|data): ?(.*)$/.exec(line);
    if (match) fields[match[1]] = match[2];
  }
  if (Object.keys(fields).length === 0) return undefined;
  return { id: fields.id, event: fields.event, data: fields.data === undefined ? undefined : JSON.parse(fields.data) };
}

const summary = (event: FeedEvent | undefined) => [event?.event, event?.data?.ticketId];

describe.each(READ_STORE_KINDS)('GET /departments/:id/queue/events (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);

  it('streams live changes with the global position as id, and resumes after Last-Event-ID with what was missed, then live ones', async () => {
    const first = await Feed.open(api(), as.dpwStaff);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    const a = await assignedToPublicWorks(api());
    const added = await first.next();
    expect(added).toMatchObject({ event: 'added', data: { ticketId: a, kind: 'added', entry: { ticketId: a, status: 'assigned', assignee: null } } });
    const history = await api().request('GET', `/tickets/${a}/history`, { token: as.operator });
    expect(added!.id).toBe(history.body.events[1].position);
    first.close();

    // While nobody listens: A is started, B is routed.
    await api().command(`/tickets/${a}/start`, as.dpwStaff);
    const b = await assignedToPublicWorks(api());

    const resumed = await Feed.open(api(), as.dpwStaff, added!.id);
    const missed = await resumed.take(2);
    expect(missed.map(summary)).toEqual([
      ['updated', a],
      ['added', b],
    ]);
    expect(missed[0].data.entry).toMatchObject({ status: 'in_progress', assignee: 'sam.dpw' });
    expect(missed[0].id! < missed[1].id!).toBe(true);

    await api().command(`/tickets/${a}/hold`, as.dpwStaff, { reason: 'waiting for the gas company' });
    expect(summary(await resumed.next())).toEqual(['updated', a]);
    await api().command(`/tickets/${b}/assign`, as.dpwHead, { department: 'ENGINEERING' });
    const removed = await resumed.next();
    expect(removed).toMatchObject({ event: 'removed', data: { ticketId: b, entry: null } });
    resumed.close();
  });

  it('refuses callers who may not read the queue, unknown departments and a malformed Last-Event-ID before streaming', async () => {
    expect((await Feed.open(api(), as.engineeringStaff)).status).toBe(403);
    expect((await Feed.open(api(), as.resident)).status).toBe(403);
    expect((await Feed.open(api(), as.director, undefined, 'NOPE')).status).toBe(404);
    expect((await Feed.open(api(), as.dpwStaff, 'not a position')).status).toBe(400);
  });
});

describe.each(READ_STORE_KINDS)('queue feeds over a pruned change log (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind, { queueFeedResumeDays: 7 });
  const DAY_MINUTES = 24 * 60;

  it('answers a Last-Event-ID older than the kept changes, or unknown, with a reset to reload the queue, then goes on live; one within the window resumes', async () => {
    const live = await Feed.open(api(), as.dpwStaff);
    const a = await assignedToPublicWorks(api());
    const first = await live.next();
    const b = await assignedToPublicWorks(api());
    const second = await live.next();
    live.close();
    expect([summary(first), summary(second)]).toEqual([
      ['added', a],
      ['added', b],
    ]);

    // A week and a day later (by the API's clock; the log recorded the changes by the machine's), the pruner runs.
    const recordedBy = Date.now();
    api().clock.advance(Math.ceil((recordedBy - api().clock.now().getTime()) / 60_000) + 8 * DAY_MINUTES);
    const pruned = await api().app.get<QueueChangePruner>(QUEUE_CHANGE_PRUNER).pruneNow();
    expect(pruned).toEqual({ deleted: 2, prunedThrough: second!.id });
    const c = await assignedToPublicWorks(api());
    const { body: cHistory } = await api().request('GET', `/tickets/${c}/history`, { token: as.operator });
    // What a client reloads: the queue, once the read models include C; pruning the change log left it whole.
    const { body: queue } = await api().request('GET', `/departments/DPW/queue?position=${cHistory.events[1].position}`, { token: as.dpwStaff });
    expect(queue.entries.map((entry: { ticketId: string }) => entry.ticketId).sort()).toEqual([a, b, c].sort());

    // After the first change (pruned): reset, with the position the feed goes on from as its id.
    const expired = await Feed.open(api(), as.dpwStaff, first!.id);
    expect(expired.status).toBe(200);
    const reset = await expired.next();
    expect(reset).toEqual({
      id: expect.any(String),
      event: 'reset',
      data: { reason: 'expired', reload: '/departments/DPW/queue', message: expect.stringContaining('Reload the queue') },
    });
    expect(reset!.id! >= cHistory.events[1].position).toBe(true);
    await api().command(`/tickets/${a}/start`, as.dpwStaff);
    expect(summary(await expired.next())).toEqual(['updated', a]);
    expired.close();

    // After the mark itself: every later change is kept, so the feed resumes (C, then A's start).
    const resumed = await Feed.open(api(), as.dpwStaff, second!.id);
    expect((await resumed.take(2)).map(summary)).toEqual([
      ['added', c],
      ['updated', a],
    ]);
    resumed.close();

    // The reset's id resumes like any other: A's start is the only change after it.
    const after = await Feed.open(api(), as.dpwStaff, reset!.id);
    await api().command(`/tickets/${b}/start`, as.dpwStaff);
    expect((await after.take(2)).map(summary)).toEqual([
      ['updated', a],
      ['updated', b],
    ]);
    after.close();

    // A position past the log's head is none of this log: reset too.
    const unknown = await Feed.open(api(), as.dpwStaff, '99999999999999999999');
    expect(await unknown.next()).toMatchObject({ event: 'reset', data: { reason: 'unknown' } });
    unknown.close();
  });
});

describe('queue feeds and the life of the API', () => {
  it('ends open feeds when the app shuts down, so closing does not wait for clients', async () => {
    const api = await startTestApi();
    const feed = await Feed.open(api, as.operator);
    await api.close();
    expect(await feed.next()).toBeUndefined();
  });

  it('delivers changes projected by another API instance sharing the stores', async () => {
    const writer = await startTestApi();
    const reader = await startTestApi({ eventStoreUrl: writer.eventStoreUrl });
    try {
      const feed = await Feed.open(reader, as.dpwStaff);
      const id = await assignedToPublicWorks(writer);
      expect(summary(await feed.next())).toEqual(['added', id]);
      feed.close();
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
