import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { canonicalJson } from './canonical-json';
import { contentDigest } from './event-hash';
import { verifyChain } from './verify-chain';

const AT = new Date('2024-05-01T12:00:00.000Z');
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('The content digest and canonical JSON', () => {
  const path = useTempDir();

  it('given values in and out of canonical order, when written canonically, then members are sorted by UTF-16 code units at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: undefined }, undefined], '10': true, '9': null })).toBe('{"10":true,"9":null,"a":[{"d":1},null],"b":1}');
    expect(canonicalJson({ a: 1, b: { c: 'x', d: [1.5, -0] } })).toBe('{"a":1,"b":{"c":"x","d":[1.5,0]}}');
    expect(canonicalJson({ at: AT, z: { toJSON: () => ({ y: 1, x: 2 }) } })).toBe('{"at":"2024-05-01T12:00:00.000Z","z":{"x":2,"y":1}}');
  });

  it('given an event, when its digest is computed, then it is SHA-256 of the RFC 8785 text of the array docs/audit.md names', () => {
    const event = { id: id(1), streamName: 'ticket-1', revision: 3, type: 'Opened', data: { b: 'ü', a: 1 }, metadata: {}, recordedAt: AT };
    const text = '["switchboard-event-v2","00000000-0000-4000-8000-000000000001","ticket-1",3,"Opened",{"a":1,"b":"ü"},{},"2024-05-01T12:00:00.000Z"]';
    expect(contentDigest(event).toString('hex')).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('given data whose keys are array indexes (JSON.parse does not keep their order), when the log is verified, then it verifies from the canonical text', async () => {
    const store = new InMemoryEventStore({ now: () => AT });
    await store.append('ticket-1', 'no_stream', [{ id: id(1), type: 'Counted', data: { '10': 'ten', '9': 'nine', b: { '2': 1, '1': 2 } } }]);
    await store.append('ticket-1', 0, [{ id: id(2), type: 'Counted', data: { a: 1 } }]);
    const events = await collect(store.readChained());
    expect(Object.keys(events[0].data)).toEqual(['9', '10', 'b']);
    const report = await verifyChain(events.map((event) => ({ ...event, position: event.globalPosition })));
    expect(report).toMatchObject({ intact: true, eventsVerified: 2 });
  });

  it('given an append, when the SQLite store writes it, then data and metadata are kept as their canonical text', async () => {
    const file = path('canonical.db');
    const store = SqliteEventStore.open(file, { now: () => AT });
    await store.append('ticket-1', 'no_stream', [{ id: id(1), type: 'Opened', data: { z: 1, a: { y: 2, x: 3 } }, metadata: { b: 1, a: 2 } }]);
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT data, metadata FROM event_store_events').get()).toEqual({ data: '{"a":{"x":3,"y":2},"z":1}', metadata: '{"a":2,"b":1}' });
    } finally {
      db.close();
    }
  });

  it('given an event stored with its JSON spelled otherwise (before the store wrote canonical text), when the same append is retried, then it is recognised as already written', async () => {
    const file = path('retry.db');
    const store = SqliteEventStore.open(file, { now: () => AT });
    const event = { id: id(1), type: 'Opened', data: { z: 1, a: 2 } };
    const first = await store.append('ticket-1', 'no_stream', [event]);
    await store.close();
    const db = new Database(file);
    db.prepare(`UPDATE event_store_events SET data = '{"z":1,"a":2}'`).run();
    db.close();
    const reopened = SqliteEventStore.open(file, { now: () => AT });
    try {
      await expect(reopened.append('ticket-1', 'no_stream', [event])).resolves.toEqual(first);
      await expect(reopened.append('ticket-1', 'no_stream', [{ ...event, data: { z: 1, a: 3 } }])).rejects.toThrow(/already stored/);
    } finally {
      await reopened.close();
    }
  });
});
