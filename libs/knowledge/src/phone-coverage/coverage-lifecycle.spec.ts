import { deciderSpec } from '../testing/decider-spec';
import { FIRST_WEEK } from '../testing/coverage-fixture';
import { demoCatalog, people } from '../testing/demo-catalog';
import type { AvailabilityCommand } from './availability-commands';
import type { AvailabilityEvent } from './availability-events';
import { type AvailabilityState, initialAvailabilityState } from './availability-state';
import { decideAvailability } from './decide-availability';
import { decideRoster } from './decide-roster';
import { foldAvailability } from './evolve-availability';
import { foldRoster } from './evolve-roster';
import type { RosterCommand } from './roster-commands';
import type { RosterEvent } from './roster-events';
import { initialRosterState, type RosterState } from './roster-state';

const givenRoster = deciderSpec<RosterCommand, RosterState, RosterEvent, 'department'>({
  decide: decideRoster,
  fold: foldRoster,
  initial: initialRosterState,
  idField: 'department',
  id: 'DPW',
  catalog: demoCatalog,
  start: '2026-10-30T12:00:00.000Z',
});
const givenAvailability = deciderSpec<AvailabilityCommand, AvailabilityState, AvailabilityEvent, 'staffId'>({
  decide: decideAvailability,
  fold: foldAvailability,
  initial: initialAvailabilityState,
  idField: 'staffId',
  id: 'dpw-bo',
  catalog: demoCatalog,
  start: '2026-11-02T13:30:00.000Z',
});

const weekly = { command: { type: 'SetWeeklyRoster', slots: FIRST_WEEK }, by: people.dpwHead } as const;
const sickDay = { type: 'SetRosterException', date: '2026-11-03', away: ['sam.dpw'], extra: [{ from: '10:00', until: '16:30', staffId: 'hana.dpw' }] } as const;

describe('a department’s phone roster', () => {
  it('the department head sets the weekly slots; they are recorded in week order with what was added and removed', () => {
    const reordered = [FIRST_WEEK[2], FIRST_WEEK[0], FIRST_WEEK[1]];
    const { state } = givenRoster()
      .when({ type: 'SetWeeklyRoster', slots: reordered }, people.dpwHead)
      .then({ type: 'WeeklyRosterSet', data: { department: 'DPW', slots: FIRST_WEEK, added: FIRST_WEEK, removed: [] } });
    expect(state).toMatchObject({ status: 'kept', department: 'DPW', slots: FIRST_WEEK, updatedBy: 'dpw-head' });
    givenRoster(weekly)
      .when({ type: 'SetWeeklyRoster', slots: FIRST_WEEK.slice(1) }, people.director)
      .then({ type: 'WeeklyRosterSet', data: { added: [], removed: [FIRST_WEEK[0]] } });
  });

  it('only the department’s head or the director keeps it; the refusal says who may', () => {
    const error = givenRoster()
      .when(weekly.command, people.clerkHead)
      .thenFails('Forbidden', { rule: 'departmentHeadsKeepTheirDepartmentsRosterTheDirectorAny' });
    expect(error.whoMay).toEqual([{ role: 'department_head', department: 'DPW' }, { role: 'director' }]);
    givenRoster(weekly).when(sickDay, people.dpwStaff).thenFails('Forbidden');
    givenRoster(weekly).when(sickDay, people.operator).thenFails('Forbidden');
  });

  it('an exception changes one date, replaces the one before on that date, and can be cleared', () => {
    const given = givenRoster(weekly, { command: sickDay, by: people.dpwHead });
    const { state } = given
      .when({ ...sickDay, away: [], extra: [{ from: '08:30', until: '10:00', staffId: 'kim.dpw' }], reason: 'cover' }, people.dpwHead)
      .then({ type: 'RosterExceptionSet', data: { date: '2026-11-03', reason: 'cover', replaced: { date: '2026-11-03', away: ['sam.dpw'] } } });
    expect(state.exceptions).toEqual([{ date: '2026-11-03', away: [], extra: [{ from: '08:30', until: '10:00', staffId: 'kim.dpw' }], reason: 'cover' }]);
    const cleared = given.when({ type: 'ClearRosterException', date: '2026-11-03' }, people.dpwHead).then({ type: 'RosterExceptionCleared' });
    expect(cleared.state.exceptions).toEqual([]);
    givenRoster(weekly).when({ type: 'ClearRosterException', date: '2026-11-03' }, people.dpwHead).thenFails('InvalidCommand', { field: 'date' });
  });

  it('the weekly roster comes first; the department must be the catalog’s', () => {
    givenRoster().when(sickDay, people.dpwHead).thenFails('NotFound', { what: 'roster', id: 'DPW' });
    const unknown = deciderSpec<RosterCommand, RosterState, RosterEvent, 'department'>({
      decide: decideRoster,
      fold: foldRoster,
      initial: initialRosterState,
      idField: 'department',
      id: 'LIBRARY',
      catalog: demoCatalog,
      start: '2026-10-30T12:00:00.000Z',
    });
    unknown().when(weekly.command, people.director).thenFails('NotFound', { what: 'department', id: 'LIBRARY' });
  });

  it('names the field of a bad slot: weekday, time, order, overlap, staff id', () => {
    const slot = (fields: object) => ({ type: 'SetWeeklyRoster', slots: [{ ...FIRST_WEEK[0], ...fields }] }) as never;
    const fails = (command: never, field: string, message: string) =>
      expect(givenRoster().when(command, people.dpwHead).thenFails('InvalidCommand', { field }).message).toContain(message);
    fails(slot({ weekday: 'funday' }), 'slots[0].weekday', 'must be one of monday');
    fails(slot({ from: '8:30' }), 'slots[0].from', 'must be a local time HH:MM');
    fails(slot({ until: '08:00' }), 'slots[0].until', 'must be after from (08:30)');
    fails(slot({ staffId: 'sam dpw' }), 'slots[0].staffId', 'must look like');
    fails(slot({ shift: 'day' }), 'slots[0].shift', 'unknown field');
    fails({ type: 'SetWeeklyRoster', slots: [FIRST_WEEK[0], { ...FIRST_WEEK[0], from: '11:00', until: '13:00' }] } as never, 'slots[1]', 'overlaps slots[0]');
    fails({ ...sickDay, date: '2026-02-30' } as never, 'date', 'must be a date YYYY-MM-DD that exists');
    fails({ ...sickDay, away: [], extra: [] } as never, 'away', 'an exception needs someone away or an extra slot');
    fails({ ...sickDay, away: ['sam.dpw', 'sam.dpw'] } as never, 'away[1]', 'duplicate staff member');
  });
});

describe('a staff member’s availability on their department’s line', () => {
  it('staff mark themselves available until the local day ends, then away', () => {
    const { state } = givenAvailability()
      .when({ type: 'MarkAvailable', department: 'DPW' }, people.dpwStaff)
      .then({ type: 'MarkedAvailable', data: { staffId: 'dpw-bo', department: 'DPW', until: '2026-11-03T05:00:00.000Z' } });
    expect(state).toEqual({ status: 'available', staffId: 'dpw-bo', department: 'DPW', since: '2026-11-02T13:31:00.000Z', until: '2026-11-03T05:00:00.000Z' });
    const away = givenAvailability({ command: { type: 'MarkAvailable', department: 'DPW' }, by: people.dpwStaff })
      .when({ type: 'MarkAway' }, people.dpwStaff)
      .then({ type: 'MarkedAway', data: { staffId: 'dpw-bo', department: 'DPW' } });
    expect(away.state.status).toBe('away');
  });

  it('in daylight time the day ends at 04:00 UTC', () => {
    givenAvailability()
      .when({ type: 'MarkAvailable', department: 'DPW' }, people.dpwStaff, '2026-10-30T20:00:00.000Z')
      .then({ type: 'MarkedAvailable', data: { until: '2026-10-31T04:00:00.000Z' } });
  });

  it('nobody marks someone else, and staff answer their own department’s line only', () => {
    const error = givenAvailability()
      .when({ type: 'MarkAvailable', department: 'DPW' }, people.dpwHead)
      .thenFails('Forbidden', { rule: 'staffMarkOnlyThemselves' });
    expect(error.message).toContain('dpw-head may not MarkAvailable');
    givenAvailability().when({ type: 'MarkAvailable', department: 'DPW' }, people.director).thenFails('Forbidden');
    givenAvailability().when({ type: 'MarkAvailable', department: 'CLERK' }, people.dpwStaff).thenFails('InvalidCommand', { field: 'department' });
  });

  it('away is marked only while available', () => {
    const marked = { command: { type: 'MarkAvailable', department: 'DPW' }, by: people.dpwStaff } as const;
    givenAvailability(marked, { command: { type: 'MarkAway' }, by: people.dpwStaff })
      .when({ type: 'MarkAway' }, people.dpwStaff)
      .thenFails('IllegalTransition', { state: 'away', allowed: ['MarkAvailable'] });
  });
});
