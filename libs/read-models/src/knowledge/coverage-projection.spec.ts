import { InMemoryEventStore } from '@switchboard/event-store';
import { contactCommandHandler } from '../../../command-handling/src/knowledge/contact-commands';
import { InMemoryResidentKeyStore } from '../../../command-handling/src/privacy/in-memory-resident-key-store';
import { availabilityCommandHandler, rosterCommandHandler } from '../../../command-handling/src/knowledge/phone-coverage-commands';
import { COVERAGE_RANGE, COVERAGE_STEPS, coverageCommandId, EXPECTED_COVERAGE } from '../../../knowledge/src/testing/coverage-fixture';
import { demoCatalog } from '../../../knowledge/src/testing/demo-catalog';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import type { ReadStore } from '../store/read-store';
import { phoneCoverageReport, phoneLineNow, projectedRoster } from './coverage-report';

/** Records the hand-worked fixture through the three pipelines, each command at its own instant. */
async function recordFixture(store: InMemoryEventStore): Promise<void> {
  let now = new Date(0);
  const clock = () => now;
  const rosters = rosterCommandHandler(store, demoCatalog, clock);
  const availability = availabilityCommandHandler(store, demoCatalog, clock);
  const contacts = contactCommandHandler(store, demoCatalog, clock, async () => true, new InMemoryResidentKeyStore());
  for (const [index, step] of COVERAGE_STEPS.entries()) {
    now = new Date(step.at);
    const meta = { actor: step.by, commandId: coverageCommandId(index) };
    if ('roster' in step) await rosters.execute(step.roster, meta);
    else if ('availability' in step) await availability.execute(step.availability, meta);
    else await contacts.execute(step.contact, meta);
  }
}

const PHONE_TABLES = ['rm_phone_rosters', 'rm_phone_roster_versions', 'rm_phone_availability', 'rm_phone_available_spans'] as const;
const dumpPhoneTables = async (readStore: ReadStore) =>
  Promise.all(
    PHONE_TABLES.map((table) =>
      readStore.db
        .selectFrom(table)
        .selectAll()
        .orderBy(table === 'rm_phone_rosters' ? 'department' : table === 'rm_phone_availability' ? 'staff_id' : 'position')
        .execute(),
    ),
  );

describe.each(READ_STORE_KINDS)('phone coverage on the read side (%s read store)', (kind) => {
  const { store: readStore } = useReadStore(kind);
  let store: InMemoryEventStore;
  const report = (departments = ['DPW', 'ENGINEERING']) =>
    phoneCoverageReport(readStore().db, { ...COVERAGE_RANGE, departments, calendar: demoCatalog.config.calendar });

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await recordFixture(store);
    await projectAll(store, readStore(), demoCatalog);
  });

  it('given the hand-worked fixture recorded as commands, then the report is the one worked out by hand', async () => {
    expect(await report()).toEqual(EXPECTED_COVERAGE);
    expect(await report(['DPW'])).toEqual(EXPECTED_COVERAGE.filter((row) => row.department === 'DPW'));
  });

  it('keeps every roster version and each span of availability, so a past day is judged by the roster of that day', async () => {
    expect((await projectedRoster(readStore().db, 'DPW'))?.slots).toHaveLength(4);
    const versions = await readStore().db.selectFrom('rm_phone_roster_versions').select(['department', 'effective_at']).orderBy('position').execute();
    expect(versions.map((v) => v.effective_at)).toEqual(['2026-10-30T12:00:00.000Z', '2026-10-30T12:05:00.000Z', '2026-11-02T17:30:00.000Z']);
    const spans = await readStore().db.selectFrom('rm_phone_available_spans').select(['staff_id', 'from_at', 'until_at']).orderBy('from_at').execute();
    expect(spans).toEqual([
      { staff_id: 'sam.dpw', from_at: '2026-11-02T13:30:00.000Z', until_at: '2026-11-02T16:00:00.000Z' },
      { staff_id: 'hana.dpw', from_at: '2026-11-02T18:00:00.000Z', until_at: '2026-11-03T05:00:00.000Z' },
    ]);
  });

  it('answers who is on the line now: scheduled and available', async () => {
    const now = await phoneLineNow(readStore().db, 'DPW', demoCatalog.calendar, new Date('2026-11-02T18:30:00Z'));
    expect(now.answerers).toEqual([
      { staffId: 'hana.dpw', scheduled: true, scheduledUntil: '2026-11-02T21:30:00.000Z', available: true, availableUntil: '2026-11-03T05:00:00.000Z' },
    ]);
    expect((await phoneLineNow(readStore().db, 'ENGINEERING', demoCatalog.calendar, new Date('2026-11-02T18:30:00Z'))).answerers).toEqual([]);
  });

  it('a replay changes nothing', async () => {
    const once = await dumpPhoneTables(readStore());
    await readStore().writeTransaction((trx) => trx.deleteFrom('rm_checkpoints').execute());
    await projectAll(store, readStore(), demoCatalog);
    expect(await dumpPhoneTables(readStore())).toEqual(once);
    expect(await report()).toEqual(EXPECTED_COVERAGE);
  });
});
