import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { usePostgresSchemas } from '../../../libs/event-store/src/testing/postgres-schemas';
import { AuditCheckpointsService } from '../src/audit/audit-checkpoints.service';
import { as, pothole, startTestApi, type TestApi } from './api-harness';

/** Writes a checkpoint now, as the periodic loop does at its interval (the lease is this process's). */
async function signNow(api: TestApi): Promise<void> {
  const loop = api.app.get(AuditCheckpointsService).loop;
  if (!loop) throw new Error('this API writes no periodic checkpoints');
  await loop.tick();
}

const latest = (api: TestApi, token = as.director) => api.request('GET', '/audit/checkpoints/latest', { token });

describe.each([
  ['the SQLite event store', 'sqlite'],
  ['the PostgreSQL event store', 'postgres'],
] as const)('GET /audit/checkpoints/latest on %s', (_name, adapter) => {
  const newSchema = usePostgresSchemas();
  let api: TestApi;
  let keyDir: string;
  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'switchboard-audit-key-'));
    if (adapter === 'sqlite') {
      api = await startTestApi({ auditCheckpointIntervalMs: 60_000 });
    } else {
      const keyFile = join(keyDir, 'audit.pem');
      writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
      api = await startTestApi({ eventStoreUrl: newSchema(), readStoreUrl: newSchema(), auditSigningKey: keyFile, auditCheckpointIntervalMs: 60_000 });
    }
  });
  afterAll(async () => {
    await api?.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('given someone other than the director, when they ask, then they are refused naming the rule', async () => {
    const answer = await latest(api, as.dpwHead);
    expect(answer.status).toBe(403);
    expect(answer.body.rule).toBe('theLogsCheckpointsAreForTheDirector');
  });

  it('given no checkpoint yet, when the director asks, then there is none and the loop is said to be periodic', async () => {
    const answer = await latest(api);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ checkpoint: null, verification: null, checkpointsKept: 0, periodic: true, intervalMs: 60_000 });
  });

  it('given events and a periodic checkpoint, when the director asks twice, then it holds, and the second answer reads no events again', async () => {
    await api.command('/tickets', as.operator, pothole);
    await signNow(api);
    const first = await latest(api);
    expect(first.body.checkpoint).toMatchObject({ events: expect.any(Number), keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(first.body.verification).toMatchObject({ status: 'holds', firstMismatch: null });
    expect(first.body.verification.eventsRead).toBe(first.body.checkpoint.events);
    expect(first.body.lastHolding).toEqual(first.body.checkpoint);

    const again = await latest(api);
    expect(again.body.verification).toMatchObject({ status: 'holds', eventsRead: 0 });

    // The log did not grow: the loop writes nothing new.
    await signNow(api);
    expect((await latest(api)).body.checkpointsKept).toBe(1);

    const { body } = await api.command('/tickets', as.operator, { ...pothole, description: 'A second report' });
    expect(body.ticketId).toBeDefined();
    await signNow(api);
    const next = await latest(api);
    expect(next.body.checkpointsKept).toBe(2);
    expect(next.body.verification.status).toBe('holds');
    expect(next.body.verification.eventsRead).toBe(next.body.checkpoint.events - first.body.checkpoint.events);
  });

  if (adapter === 'sqlite') {
    it('given an event changed in the store file after the last checkpoint verified, when a new checkpoint is asked about, then it fails naming the event, and the last holding one is named', async () => {
      const before = (await latest(api)).body.checkpoint;
      const { body } = await api.command('/tickets', as.operator, { ...pothole, description: 'Changed later' });
      await signNow(api);
      const db = new Database(api.eventStoreUrl.slice('sqlite:'.length));
      db.prepare(`UPDATE event_store_events SET data = replace(data, 'Changed later', 'Changed LATER') WHERE stream_name = ?`).run(`ticket-${body.ticketId}`);
      db.close();
      const answer = await latest(api);
      expect(answer.body.verification.status).toBe('fails');
      expect(answer.body.verification.firstMismatch).toMatchObject({ kind: 'changed', streamName: `ticket-${body.ticketId}`, revision: 0 });
      expect(answer.body.lastHolding).toEqual(before);
    });
  }
});
