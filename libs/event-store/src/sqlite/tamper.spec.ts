import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { CheckpointWriter } from '../chain/checkpoint-writer';
import { verifyChain, type VerifyReport } from '../chain/verify-chain';
import { contentDigest, linkLog, linkStream, GENESIS_HASH } from '../chain/event-hash';
import { collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const AT = new Date('2024-05-01T12:00:00.000Z');
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function verifyFile(file: string): Promise<VerifyReport> {
  const store = SqliteEventStore.open(file);
  try {
    const events = await collect(store.readChained());
    return await verifyChain(
      events.map((e) => ({ ...e, position: e.globalPosition })),
      { checkpoints: await store.readCheckpoints(), publicKey },
    );
  } finally {
    await store.close();
  }
}

function withDb(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.transaction(() => work(db))();
  } finally {
    db.close();
  }
}

describe('SQLite adapter: tampering with the store file', () => {
  const path = useTempDir();
  let file: string;

  beforeEach(async () => {
    file = path('events.db');
    const store = SqliteEventStore.open(file, { now: () => AT });
    const streams = ['ticket-1', 'ticket-2', 'ticket-3', 'ticket-1', 'ticket-2', 'ticket-1', 'ticket-3', 'ticket-1'];
    const writer = new CheckpointWriter(store, privateKey, () => AT);
    for (const [i, stream] of streams.entries()) {
      await store.append(stream, 'any', [{ id: id(i + 1), type: 'Noted', data: { n: i + 1, text: 'pothole on Elm' } }]);
      if (i === 2 || i === 5) await writer.write();
    }
    await store.close();
  });

  it('given an untouched store, when it is verified, then it is intact and its last checkpoint holds', async () => {
    const report = await verifyFile(file);
    expect(report).toMatchObject({ intact: true, eventsVerified: 8, firstMismatch: null });
    expect(report.checkpoints.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(report.lastHolding?.body.events).toBe(6);
  });

  it('given one byte of an event changed, when the store is verified, then that event is named as changed and the checkpoint before it holds', async () => {
    withDb(file, (db) => db.prepare(`UPDATE event_store_events SET data = replace(data, 'Elm', 'Elk') WHERE position = 5`).run());
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'changed', event: { position: '00000000000000000005', streamName: 'ticket-2', revision: 1 } });
    expect(report.eventsVerified).toBe(4);
    expect(report.lastHolding?.body.events).toBe(3);
    expect(report.checkpoints.map((c) => c.status)).toEqual(['holds', 'fails']);
  });

  it('given one event deleted, when the store is verified, then the event after it is named, as following a removed one', async () => {
    withDb(file, (db) => db.prepare(`DELETE FROM event_store_events WHERE position = 4`).run());
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'removed', event: { position: '00000000000000000005' } });
    expect(report.lastHolding?.body.events).toBe(3);
  });

  it('given an event of a stream deleted, when the events after it are in the same stream, then the missing revision is named', async () => {
    withDb(file, (db) => db.prepare(`DELETE FROM event_store_events WHERE position = 7`).run());
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'removed', event: { position: '00000000000000000008', streamName: 'ticket-1', revision: 3 } });
  });

  it('given one event inserted, when the store is verified, then the inserted event is named', async () => {
    withDb(file, (db) => {
      // Make room after position 4 and copy event 4 there under a new id, as the next revision of its stream.
      for (let p = 8; p >= 5; p--) db.prepare(`UPDATE event_store_events SET position = position + 1 WHERE position = ?`).run(p);
      db.prepare(
        `INSERT INTO event_store_events (position, event_id, stream_name, revision, type, data, metadata, recorded_at, hash, stream_hash)
         SELECT 5, ?, 'ticket-9', 0, type, data, metadata, recorded_at, hash, stream_hash FROM event_store_events WHERE position = 4`,
      ).run(id(99));
    });
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'inserted', event: { id: id(99), position: '00000000000000000005' } });
    expect(report.lastHolding?.body.events).toBe(3);
  });

  it('given two events swapped, when the store is verified, then both are named as reordered', async () => {
    withDb(file, (db) => {
      db.prepare(`UPDATE event_store_events SET position = -1 WHERE position = 4`).run();
      db.prepare(`UPDATE event_store_events SET position = 4 WHERE position = 5`).run();
      db.prepare(`UPDATE event_store_events SET position = 5 WHERE position = -1`).run();
    });
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'reordered', event: { id: id(5) }, other: { id: id(4) } });
  });

  it('given an event changed and every hash after it recomputed, when the store is verified, then the rewrite is caught by the signed checkpoint', async () => {
    withDb(file, (db) => {
      db.prepare(`UPDATE event_store_events SET data = replace(data, 'Elm', 'Elk') WHERE position = 5`).run();
      rechain(db);
    });
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'rewritten', event: null });
    expect(report.checkpoints.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(report.lastHolding?.body.events).toBe(3);
  });

  it('given the last events deleted, when the store is verified, then the checkpoint says events are missing at the end', async () => {
    withDb(file, (db) => db.prepare(`DELETE FROM event_store_events WHERE position >= 6`).run());
    const report = await verifyFile(file);
    expect(report.firstMismatch).toMatchObject({ kind: 'truncated' });
    expect(report.lastHolding?.body.events).toBe(3);
  });

  it('given a checkpoint whose body was edited, when the store is verified, then its signature does not hold', async () => {
    withDb(file, (db) => db.prepare(`UPDATE event_store_checkpoints SET body = replace(body, '"events":6', '"events":5') WHERE id = 2`).run());
    const report = await verifyFile(file);
    expect(report.checkpoints.map((c) => c.status)).toEqual(['holds', 'bad-signature']);
  });
});

/** What an attacker with the file could do: recompute every hash from the rows as they now are. */
function rechain(db: Database.Database): void {
  const rows = db.prepare(`SELECT * FROM event_store_events ORDER BY position`).all() as Record<string, string | number>[];
  let log = GENESIS_HASH;
  const streams = new Map<string, Buffer>();
  for (const row of rows) {
    const digest = contentDigest({
      id: String(row.event_id),
      streamName: String(row.stream_name),
      revision: Number(row.revision),
      type: String(row.type),
      data: JSON.parse(String(row.data)),
      metadata: JSON.parse(String(row.metadata)),
      recordedAt: String(row.recorded_at),
    });
    log = linkLog(log, digest);
    const streamHash = linkStream(streams.get(String(row.stream_name)) ?? GENESIS_HASH, digest);
    streams.set(String(row.stream_name), streamHash);
    db.prepare(`UPDATE event_store_events SET hash = ?, stream_hash = ? WHERE position = ?`).run(log, streamHash, row.position);
  }
}
