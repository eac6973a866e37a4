import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InMemoryEventStore,
  signCheckpoint,
  verifyChain,
  verifyFileInParallel,
  type JsonObject,
  type SignedCheckpoint,
  type VerifyReport,
} from '@switchboard/event-store';
import { toBackupLine } from '../../events-backup/backup-line';
import { parseBackupLine } from '../../events-backup/backup-line';
import { eventsOfLines, exportFileEvents } from './export-file-events';

const READER = join(__dirname, 'export-file-events.ts');
const EVENTS = 3000;
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The parallel verifier against the one-thread one, over an export of several batches (of 256 KiB)
 * with checkpoints inside it: an intact file is proved by the parallel pass alone, and for every
 * tampering the report is the one-thread verifier's, word for word.
 */
describe('audit verify across worker threads', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let dir: string;
  let lines: string[];
  let checkpoints: SignedCheckpoint[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-parallel-verify-'));
    const store = new InMemoryEventStore({ now: () => new Date('2024-05-01T12:00:00.000Z') });
    checkpoints = [];
    for (let i = 0; i < EVENTS; i++) {
      // Tickets interleaved: most events are not next to their stream's previous one, some are.
      const data: JsonObject =
        i === 1500 ? { '1': 'an array-index key, which JSON.parse puts first', b: 2, a: 1 } : { i, text: 'Deep pothole on Elm St, near the school' };
      await store.append(`ticket-${i % 97}`, 'any', [{ id: id(i + 1), type: 'TicketCommented', data, metadata: { actor: 'op-ana' } }]);
      if (i + 1 === 1000 || i + 1 === 2222 || i + 1 === EVENTS)
        checkpoints.push(signCheckpoint(await store.chainHead(), privateKey, new Date('2024-05-02T00:00:00.000Z')));
    }
    lines = [];
    for await (const event of store.readChained()) lines.push(toBackupLine(event).trimEnd());
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (edit: (lines: string[]) => string[], name = 'export.ndjson'): string => {
    const file = join(dir, name);
    writeFileSync(file, `${edit([...lines]).join('\n')}\n`);
    return file;
  };
  const oneThread = (file: string, given = checkpoints) => verifyChain(exportFileEvents(file), { checkpoints: given, publicKey });
  const parallel = (file: string, fallback: () => Promise<VerifyReport>, given = checkpoints) =>
    verifyFileInParallel(file, { reader: READER, workers: 2, checkpoints: given, publicKey }, fallback);

  it('given export lines, when they are read by their places (the shortcut), then every field is what the whole line parses to', () => {
    const unchained = JSON.stringify({ ...JSON.parse(lines[7]), hash: undefined, streamHash: undefined });
    const sample = [...lines.slice(0, 50), lines[1500], unchained];
    const events = [...eventsOfLines('export.ndjson', sample.join('\n'), 1)];
    expect(events.every((event) => event.dataJson !== undefined)).toBe(true);
    events.forEach((event, i) => {
      const line = parseBackupLine(sample[i]);
      const chain = line.hash === undefined ? null : { hash: line.hash, streamHash: line.streamHash };
      expect({ ...event, data: event.data, metadata: event.metadata, dataJson: undefined, metadataJson: undefined }).toMatchObject({
        id: line.id,
        streamName: line.stream,
        revision: line.revision,
        type: line.type,
        position: line.position,
        recordedAt: line.recordedAt,
        data: line.data,
        metadata: line.metadata,
        chain,
        line: i + 1,
      });
    });
  });

  it('given an untouched export, when it is verified across two workers, then the parallel pass alone proves it and reports what one thread does', async () => {
    const file = write((l) => l);
    const report = await parallel(file, () => Promise.reject(new Error('the one-thread verifier was needed')));
    expect(report).toEqual(await oneThread(file));
    expect(report).toMatchObject({ intact: true, eventsVerified: EVENTS });
    expect(report.checkpoints.map((result) => result.status)).toEqual(['holds', 'holds', 'holds']);
    expect(report.lastHolding?.body.events).toBe(EVENTS);
  });

  it('given blank lines and CRLF line ends, when it is verified across workers, then it is intact without the one-thread verifier', async () => {
    const file = write((l) => l.flatMap((line, i) => (i % 500 === 0 ? ['', '  ', `${line}\r`] : [line])), 'blank.ndjson');
    const report = await parallel(file, () => Promise.reject(new Error('the one-thread verifier was needed')));
    expect(report).toEqual(await oneThread(file));
    expect(report.intact).toBe(true);
  });

  const swap = (a: number, b: number) => (l: string[]) => (([l[a], l[b]] = [l[b], l[a]]), l);
  const forged = (at: number) => (l: string[]) => {
    l.splice(at, 0, JSON.stringify({ ...JSON.parse(l[at]), id: id(999_999), stream: 'ticket-forged', revision: 0 }));
    return l;
  };
  it.each([
    ['one byte of an event changed (early in a batch)', (l: string[]) => ((l[40] = l[40].replace('Deep', 'Dee p')), l), 'changed'],
    ['one byte changed in the last event', (l: string[]) => ((l[EVENTS - 1] = l[EVENTS - 1].replace('Deep', 'Deap')), l), 'changed'],
    ['an event deleted', (l: string[]) => (l.splice(1200, 1), l), 'removed'],
    ['the first event of a later batch deleted', (l: string[]) => (l.splice(700, 1), l), 'removed'],
    ['an event inserted', forged(1800), 'inserted'],
    ['two events swapped', swap(2500, 2501), 'reordered'],
    ['two events swapped across a checkpoint', swap(999, 1000), 'reordered'],
    ['the log cut short', (l: string[]) => l.slice(0, 2600), 'truncated'],
    ['a line that is not an event', (l: string[]) => ((l[10] = 'not json'), l), undefined],
  ])('given %s, when it is verified across workers, then the report is the one-thread verifier’s', async (_, edit, kind) => {
    const file = write(edit, 'tampered.ndjson');
    const expected = await oneThread(file).catch((error: Error) => error);
    const got = await parallel(file, () => oneThread(file)).catch((error: Error) => error);
    expect(got).toEqual(expected);
    if (kind) expect((got as VerifyReport).firstMismatch?.kind).toBe(kind);
    else expect(got).toBeInstanceOf(Error);
  });

  it('given an edited checkpoint, when the untouched export is verified across workers, then its signature fails as on one thread', async () => {
    const file = write((l) => l);
    const edited = [checkpoints[0], { ...checkpoints[1], body: { ...checkpoints[1].body, events: 2221 } }, checkpoints[2]];
    const report = await parallel(file, () => oneThread(file, edited), edited);
    expect(report).toEqual(await oneThread(file, edited));
    expect(report.checkpoints.map((result) => result.status)).toEqual(['holds', 'bad-signature', 'holds']);
  });
});
