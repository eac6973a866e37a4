import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@switchboard/event-store';
import { loadTicket } from '@switchboard/command-handling';
import { deterministicEventId } from '@switchboard/ticketing';
import { runCli } from '../../test/support/run-cli';
import { useTempDir } from '../../test/support/temp-dir';
import { scanAll } from '@switchboard/read-models';
import { csvRecords } from './csv-rows';

const FIXTURES = join(__dirname, '../../test/fixtures');
const MAPPINGS = join(__dirname, '../../mappings');
const BOSTON = join(FIXTURES, 'boston311-100.csv');

describe('import tickets', () => {
  const dir = useTempDir();
  const importTickets = (file: string, mapping = join(MAPPINGS, 'boston311.json')) =>
    runCli(['import', 'tickets', file, '--mapping', mapping, '--store', 'sqlite:events.db'], { cwd: dir() });

  async function withStore<T>(work: (store: SqliteEventStore) => Promise<T>): Promise<T> {
    const store = SqliteEventStore.open(join(dir(), 'events.db'));
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  const allEvents = () =>
    withStore(async (store) => {
      const events: RecordedEvent[] = [];
      for await (const event of scanAll(store)) events.push(event);
      return events;
    });

  describe('the Boston 311 sample with its mapping', () => {
    it('imports all 100 cases as ordinary ticket streams with their original times', async () => {
      const run = await importTickets(BOSTON);
      expect(run.stderr).toContain('100 imported, 0 already present, 0 bad');
      expect(run.code).toBe(0);
      await withStore(async (store) => {
        const duplicate = await loadTicket(store, '101004113906');
        expect(duplicate.records.map((r) => r.event?.type)).toEqual(['TicketOpened', 'TicketAssigned', 'TicketClosed']);
        expect(duplicate.state).toMatchObject({
          status: 'closed',
          closeReason: 'duplicate',
          serviceCode: 'TRAFFIC-SIGNAL',
          channel: 'mobile_app',
          department: 'ENGINEERING',
        });
        const [opened, assigned, closed] = duplicate.records.map((r) => r.event!);
        expect(opened.metadata).toMatchObject({
          occurredAt: '2022-01-02T15:32:35.000Z',
          actor: { id: 'import:boston311', role: 'system' },
          imported: { source: 'boston311', originalId: '101004113906' },
          eventId: deterministicEventId('import:boston311:101004113906', 0),
        });
        expect(assigned.data).toEqual({ department: 'ENGINEERING', dueAt: '2022-01-03T15:32:34.000Z' });
        expect(closed.metadata.occurredAt).toBe('2022-01-03T11:44:23.000Z');

        const resolved = await loadTicket(store, '101004113298');
        expect(resolved.state).toMatchObject({ status: 'completed', serviceCode: 'HOUSING-CODE', completedByDepartment: 'ISD', channel: 'phone' });
        expect(resolved.records[2].event?.data).toMatchObject({ resolutionCode: 'resolved', note: expect.stringContaining('No Cause 1/10/22') });

        // The INFO catch-all queue goes to 311; a blank target time means no due time.
        const generic = await loadTicket(store, '101004154423');
        expect(generic.state).toMatchObject({ status: 'assigned', serviceCode: 'SIDEWALK-REPAIR', department: '311', dueAt: undefined });
      });
    });

    it('resumes an interrupted import without writing anything twice', async () => {
      const lines = readFileSync(BOSTON, 'utf8').split('\n');
      writeFileSync(join(dir(), 'first-40.csv'), lines.slice(0, 41).join('\n'));
      expect((await importTickets('first-40.csv')).stderr).toContain('40 imported, 0 already present, 0 bad');
      const before = await allEvents();
      const resumed = await importTickets(BOSTON);
      expect(resumed.stderr).toContain('60 imported, 40 already present, 0 bad');
      const after = await allEvents();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(new Set(after.map((event) => event.id)).size).toBe(after.length);
      expect(new Set(after.map((event) => event.streamName)).size).toBe(100);
      expect((await importTickets(BOSTON)).stderr).toContain('0 imported, 100 already present, 0 bad');
      expect(await allEvents()).toEqual(after);
    });
  });

  it('skips bad rows with file, line and reason, imports the good ones, and exits 3', async () => {
    const run = await importTickets(join(FIXTURES, 'boston311-with-bad-rows.csv'));
    expect(run.code).toBe(3);
    const messages = run.stderr
      .trim()
      .split('\n')
      .map((line) => line.replace(/^.*boston311-with-bad-rows\.csv:/, ''));
    expect(messages).toEqual([
      '4: openedAt "2022-13-45 08:00:00" does not match the timestamp format "YYYY-MM-DD HH:mm:ss"; row skipped',
      '5: status "Pending" is not in the mapping\'s "statuses"; row skipped',
      // Times as the file wrote them (the file's own format and time zone), not as UTC instants.
      '6: closed (2022-01-02 08:00:00) before it was opened (2022-01-03 08:00:00); row skipped',
      '7: no case id; row skipped',
      '8: no closedAt (closed_dt); row skipped',
      '9: case 101000000001 appears again (first at line 2); row skipped',
      '10: has 6 fields where the header has 29; row skipped',
      'import tickets: 2 imported, 0 already present, 7 bad (' + join(FIXTURES, 'boston311-with-bad-rows.csv') + ').',
    ]);
    await withStore(async (store) => {
      const quoted = await loadTicket(store, '101000000001');
      expect(quoted.records[0].event?.data).toMatchObject({ location: { address: '12 Main St\r\nBoston  MA', latitude: 42.3, longitude: -71.05 } });
      expect(quoted.records[2].event?.data).toMatchObject({ note: 'Case Closed. Resolved "Pothole" filled, all set' });
      // Unmapped values fall back as the mapping says: GENERAL-INQUIRY, its owner 311, channel internal.
      const unicorn = await loadTicket(store, '101000000009');
      expect(unicorn.state).toMatchObject({ serviceCode: 'GENERAL-INQUIRY', department: '311', channel: 'internal' });
    });
  });

  describe('rows imported with a value dropped or cut', () => {
    /** The header and the first `count` cases of the Boston sample, with some cells changed (by case id, then column). */
    async function editedSample(file: string, count: number, edits: Record<string, Record<string, string>>): Promise<void> {
      const records: string[][] = [];
      for await (const record of csvRecords(BOSTON, 'sample')) records.push(record.fields);
      const [header, ...rows] = records;
      const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
      const edited = rows.slice(0, count).map((row) => header.map((column, i) => edits[row[0]]?.[column] ?? row[i]));
      writeFileSync(join(dir(), file), [header, ...edited].map((row) => row.map(quote).join(',')).join('\n') + '\n');
    }

    it('imports them, naming each line and what was done, in file order, and exits 0', async () => {
      await editedSample('odd.csv', 11, {
        // The real-world case: an open status with a closing date, once even before the opening.
        '101004130437': { case_status: 'Open' },
        '101004155594': { closed_dt: '2022-01-30 09:00:00' },
        '101004154423': { closed_dt: 'soon' },
        '101004113298': { closure_reason: 'Case Closed. '.repeat(400) },
        '101004141848': { case_title: 'Living conditions. '.repeat(250) },
        '101004141354': { latitude: '142.3606' },
        '101004141367': { longitude: '' },
        '101004113313': { location: '755 Boylston St '.repeat(40) },
      });
      const run = await importTickets('odd.csv');
      expect(run.code).toBe(0);
      expect(run.stderr.trim().split('\n')).toEqual([
        'odd.csv:3: status "Open" is open but closedAt (closed_dt) is "2022-01-19 11:42:16"; imported as open, without the closing time',
        'odd.csv:4: status "Open" is open but closedAt (closed_dt) is "2022-01-30 09:00:00", before it was opened (2022-01-31 11:46:00); imported as open, without the closing time',
        'odd.csv:6: status "Open" is open but closedAt (closed_dt) is "soon", which does not match the timestamp format "YYYY-MM-DD HH:mm:ss"; imported as open, without the closing time',
        'odd.csv:7: closureReason (closure_reason) has 5199 characters; imported with the first 4000',
        'odd.csv:8: description (case_title or type) has 4749 characters; imported with the first 4000',
        'odd.csv:9: latitude "142.3606" and longitude "-71.0638" (latitude, longitude) are not a position (latitude -90 to 90, longitude -180 to 180); imported without coordinates',
        'odd.csv:10: latitude "42.3596" and longitude "" (latitude, longitude) are not a position (latitude -90 to 90, longitude -180 to 180); imported without coordinates',
        'odd.csv:11: address (location) has 639 characters; imported with the first 500',
        'import tickets: 11 imported, 0 already present, 0 bad, 8 with notes (odd.csv).',
      ]);
      await withStore(async (store) => {
        const reopened = await loadTicket(store, '101004130437');
        expect(reopened.records.map((r) => r.event?.type)).toEqual(['TicketOpened', 'TicketAssigned']);
        expect(reopened.state.status).toBe('assigned');
        expect((await loadTicket(store, '101004155594')).state.status).toBe('assigned');
        const completed = await loadTicket(store, '101004113298');
        expect((completed.records[2].event?.data as { note: string }).note).toBe('Case Closed. '.repeat(400).trim().slice(0, 4000));
        expect(((await loadTicket(store, '101004141848')).records[0].event?.data as { description: string }).description).toHaveLength(4000);
        expect((await loadTicket(store, '101004141354')).records[0].event?.data).toMatchObject({ location: { address: '21-23 Temple St  Boston  MA  02114' } });
        expect((await loadTicket(store, '101004141354')).records[0].event?.data).not.toHaveProperty('location.latitude');
        expect(((await loadTicket(store, '101004113313')).records[0].event?.data as { location: { address: string } }).location.address).toHaveLength(500);
      });
      // A re-run writes nothing and says the same about the same rows.
      const again = await importTickets('odd.csv');
      expect(again.stderr).toBe(run.stderr.replace('11 imported, 0 already present', '0 imported, 11 already present'));
    });

    it('says nothing about rows taken as they are', async () => {
      await editedSample('plain.csv', 11, {});
      expect((await importTickets('plain.csv')).stderr.trim()).toBe('import tickets: 11 imported, 0 already present, 0 bad (plain.csv).');
    });
  });

  describe('mapping blocks the file gives nothing to', () => {
    const boston = () => JSON.parse(readFileSync(join(MAPPINGS, 'boston311.json'), 'utf8'));
    const without = (mapping: Record<string, unknown>, ...names: string[]) =>
      Object.fromEntries(Object.entries(mapping).filter(([name]) => !names.includes(name)));

    it('may be left out: no channel column means channel internal, no queue or department column the service owner, no closed status no closure rules', async () => {
      const mapping = boston();
      const { channel, queue, department, ...columns } = mapping.columns;
      const statuses = { Open: 'open', Closed: 'open' };
      writeFileSync(join(dir(), 'lean.json'), JSON.stringify({ ...without(mapping, 'channels', 'departments', 'closure'), columns, statuses }));
      const lines = readFileSync(BOSTON, 'utf8').split('\n');
      writeFileSync(join(dir(), 'first-10.csv'), lines.slice(0, 11).join('\n'));
      const run = await importTickets('first-10.csv', 'lean.json');
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('10 imported, 0 already present, 0 bad');
      await withStore(async (store) => {
        // A needle pickup: the Boston mapping would send it to HEALTH by its queue; here it goes to its service's owner.
        const needles = await loadTicket(store, '101004130437');
        expect(needles.state).toMatchObject({ status: 'assigned', serviceCode: 'GENERAL-INQUIRY', department: '311', channel: 'internal' });
      });
    });

    it('must be there when the file does give something to them', async () => {
      writeFileSync(join(dir(), 'no-blocks.json'), JSON.stringify(without(boston(), 'channels', 'departments', 'closure')));
      const run = await importTickets(BOSTON, 'no-blocks.json');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('"closure" is required when a status maps to "closed"');
      expect(run.stderr).toContain('"departments" is required when "columns" maps "queue" or "department"');
      expect(run.stderr).toContain('"channels" is required when "columns" maps "channel"');
    });
  });

  it('marks unmapped values bad when the mapping says so', async () => {
    const mapping = JSON.parse(readFileSync(join(MAPPINGS, 'boston311.json'), 'utf8'));
    writeFileSync(join(dir(), 'strict.json'), JSON.stringify({ ...mapping, services: { ...mapping.services, unmapped: 'bad' } }));
    const run = await importTickets(join(FIXTURES, 'boston311-with-bad-rows.csv'), 'strict.json');
    expect(run.stderr).toContain(':11: service type "Unicorn Sighting" is not mapped; row skipped');
    expect(run.stderr).toContain('1 imported, 0 already present, 8 bad');
  });

  it('refuses a mapping with problems as a usage error, listing them all', async () => {
    writeFileSync(
      join(dir(), 'broken.json'),
      JSON.stringify({ source: 'x', timeZone: 'Mars/Olympus', columns: {}, services: { values: { a: 'NOPE' }, unmapped: 'bad' } }),
    );
    const run = await importTickets(BOSTON, 'broken.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"timeZone" must be an IANA time zone');
    expect(run.stderr).toContain('"columns.caseId" is required');
    expect(run.stderr).toContain('"services.values" maps "a" to "NOPE", which is not a catalog service code');
  });

  it('imports Open311 GeoReport v2 JSON, naming the line of a bad request', async () => {
    const run = await importTickets(join(FIXTURES, 'open311-requests.json'), join(MAPPINGS, 'open311-georeport-v2.json'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('open311-requests.json:25: openedAt "last tuesday" does not match the timestamp format "iso"; row skipped');
    expect(run.stderr).toContain('3 imported, 0 already present, 1 bad');
    await withStore(async (store) => {
      const pothole = await loadTicket(store, '638344');
      expect(pothole.state).toMatchObject({ status: 'closed', closeReason: 'duplicate', department: 'DPW', channel: 'open311' });
      expect(pothole.records[0].event?.data).toMatchObject({ description: 'Deep hole, "dangerous" for bikes', location: { latitude: 37.762221815 } });
      expect(pothole.records[1].event?.data).toEqual({ department: 'DPW', dueAt: '2026-01-08T14:00:00.000Z' });
      expect((await loadTicket(store, '638349')).state).toMatchObject({ status: 'assigned', department: 'ENGINEERING' });
      // A time without an offset is read in the mapping's time zone.
      const other = await loadTicket(store, '638351');
      expect(other.state).toMatchObject({ status: 'completed', serviceCode: 'GENERAL-INQUIRY', openedAt: '2026-01-07T13:00:00.000Z' });
    });
  });
});
