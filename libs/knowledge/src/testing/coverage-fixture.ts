import type { Actor } from '@switchboard/ticketing';
import type { AvailabilityCommand } from '../phone-coverage/availability-commands';
import type { CoverageDay } from '../phone-coverage/coverage-figures';
import type { RosterCommand } from '../phone-coverage/roster-commands';
import type { WeeklySlot } from '../phone-coverage/roster-values';
import type { ContactCommand } from '../contacts/contact-commands';

/**
 * The hand-worked phone-coverage fixture of docs/metrics.md ("Phone coverage"): Public Works on
 * Monday 2 and Tuesday 3 November 2026 (City Hall 08:30–16:30, EST = UTC−5), Engineering with
 * no roster at all; "now" is Tuesday 12:00. Each step is a command at its instant, by its actor,
 * so the read side can record the very same history and must answer the very same rows.
 */
export const COVERAGE_PEOPLE = {
  director: { id: 'dee.director', role: 'director' },
  hana: { id: 'hana.dpw', role: 'department_head', department: 'DPW' },
  sam: { id: 'sam.dpw', role: 'staff', department: 'DPW' },
  kim: { id: 'kim.dpw', role: 'staff', department: 'DPW' },
  operator: { id: 'ada.operator', role: 'operator' },
} satisfies Record<string, Actor>;

const { hana, sam, operator } = COVERAGE_PEOPLE;

/** Weekly slots before the mid-Monday change: Monday 08:30–12:00 Sam, 13:00–16:30 Hana; Tuesday all day Sam. */
export const FIRST_WEEK: WeeklySlot[] = [
  { weekday: 'monday', from: '08:30', until: '12:00', staffId: 'sam.dpw' },
  { weekday: 'monday', from: '13:00', until: '16:30', staffId: 'hana.dpw' },
  { weekday: 'tuesday', from: '08:30', until: '16:30', staffId: 'sam.dpw' },
];
/** From Monday 12:30 local: Kim covers the lunch hour. */
export const WITH_LUNCH: WeeklySlot[] = [...FIRST_WEEK, { weekday: 'monday', from: '12:00', until: '13:00', staffId: 'kim.dpw' }];

export type CoverageStep =
  | { readonly at: string; readonly by: Actor; readonly roster: RosterCommand }
  | { readonly at: string; readonly by: Actor; readonly availability: AvailabilityCommand }
  | { readonly at: string; readonly by: Actor; readonly contact: ContactCommand };

export const COVERAGE_STEPS: readonly CoverageStep[] = [
  { at: '2026-10-30T12:00:00.000Z', by: hana, roster: { type: 'SetWeeklyRoster', department: 'DPW', slots: FIRST_WEEK } },
  {
    at: '2026-10-30T12:05:00.000Z',
    by: hana,
    roster: {
      type: 'SetRosterException',
      department: 'DPW',
      date: '2026-11-03',
      away: ['sam.dpw'],
      extra: [{ from: '10:00', until: '16:30', staffId: 'hana.dpw' }],
      reason: 'Sam on leave',
    },
  },
  // Monday: Sam answers 08:30–11:00; Hana from 13:00 (her mark lapses at midnight).
  { at: '2026-11-02T13:30:00.000Z', by: sam, availability: { type: 'MarkAvailable', staffId: 'sam.dpw', department: 'DPW' } },
  { at: '2026-11-02T16:00:00.000Z', by: sam, availability: { type: 'MarkAway', staffId: 'sam.dpw' } },
  { at: '2026-11-02T17:30:00.000Z', by: hana, roster: { type: 'SetWeeklyRoster', department: 'DPW', slots: WITH_LUNCH } },
  { at: '2026-11-02T18:00:00.000Z', by: hana, availability: { type: 'MarkAvailable', staffId: 'hana.dpw', department: 'DPW' } },
  // Monday 11:30: a transfer that reached nobody and two callbacks promised; 13:10: a transfer that reached Hana.
  { at: '2026-11-02T16:30:00.000Z', by: operator, contact: { type: 'StartContact', contactId: 'C-1', channel: 'phone', line: '311' } },
  { at: '2026-11-02T16:31:00.000Z', by: operator, contact: { type: 'TransferContact', contactId: 'C-1', department: 'DPW', reached: false } },
  { at: '2026-11-02T16:32:00.000Z', by: operator, contact: { type: 'IdentifyResident', contactId: 'C-1', resident: { phone: '(978) 555-0199' } } },
  {
    at: '2026-11-02T16:33:00.000Z',
    by: operator,
    contact: { type: 'PromiseCallback', contactId: 'C-1', department: 'DPW', dueBy: '2026-11-02T20:00:00Z' },
  },
  {
    at: '2026-11-02T16:34:00.000Z',
    by: operator,
    contact: { type: 'PromiseCallback', contactId: 'C-1', department: 'DPW', dueBy: '2026-11-03T18:00:00Z' },
  },
  { at: '2026-11-02T16:35:00.000Z', by: operator, contact: { type: 'EndContact', contactId: 'C-1', outcome: 'handled' } },
  { at: '2026-11-02T18:10:00.000Z', by: operator, contact: { type: 'StartContact', contactId: 'C-2', channel: 'phone', line: 'DPW' } },
  { at: '2026-11-02T18:11:00.000Z', by: operator, contact: { type: 'TransferContact', contactId: 'C-2', department: 'DPW', reached: true } },
  { at: '2026-11-02T18:12:00.000Z', by: operator, contact: { type: 'EndContact', contactId: 'C-2', outcome: 'handled' } },
  // Tuesday 09:00: the first callback, three hours late (it was due Monday 15:00).
  { at: '2026-11-03T14:00:00.000Z', by: hana, contact: { type: 'CompleteCallback', contactId: 'C-1', callbackId: 'cb-first', reached: true } },
];

/** The report's range (Monday and Tuesday, local) and its "now" (Tuesday 12:00 local). */
export const COVERAGE_RANGE = { from: new Date('2026-11-02T05:00:00Z'), to: new Date('2026-11-04T05:00:00Z'), now: new Date('2026-11-03T17:00:00Z') };

/** The command id of a step: callbacks are named after the command that promised them. */
export const coverageCommandId = (index: number): string => (index === 9 ? 'cb-first' : index === 10 ? 'cb-second' : `cov-${index}`);

/** What the report must say, worked out by hand (docs/metrics.md). */
export const EXPECTED_COVERAGE: CoverageDay[] = [
  {
    department: 'DPW',
    date: '2026-11-02',
    cityHallMinutes: 480,
    // 12:00–12:30: the lunch slot only took effect at 12:30.
    unscheduledMinutes: 30,
    // 11:00 (Sam away) – 13:00 (Hana available).
    unavailableMinutes: 120,
    transfers: 2,
    transfersNotReached: 1,
    callbacksLate: 1,
    gaps: [
      { kind: 'nobody_available', from: '2026-11-02T16:00:00.000Z', until: '2026-11-02T18:00:00.000Z' },
      { kind: 'nobody_scheduled', from: '2026-11-02T17:00:00.000Z', until: '2026-11-02T17:30:00.000Z' },
    ],
  },
  {
    department: 'DPW',
    date: '2026-11-03',
    cityHallMinutes: 480,
    // Sam away (the exception); Hana's extra slot starts at 10:00.
    unscheduledMinutes: 90,
    // Nobody marked available; counted up to now (12:00).
    unavailableMinutes: 210,
    transfers: 0,
    transfersNotReached: 0,
    callbacksLate: 0,
    gaps: [
      { kind: 'nobody_scheduled', from: '2026-11-03T13:30:00.000Z', until: '2026-11-03T15:00:00.000Z' },
      { kind: 'nobody_available', from: '2026-11-03T13:30:00.000Z', until: '2026-11-03T17:00:00.000Z' },
    ],
  },
  {
    department: 'ENGINEERING',
    date: '2026-11-02',
    cityHallMinutes: 480,
    unscheduledMinutes: 480,
    unavailableMinutes: 480,
    transfers: 0,
    transfersNotReached: 0,
    callbacksLate: 0,
    gaps: [
      { kind: 'nobody_scheduled', from: '2026-11-02T13:30:00.000Z', until: '2026-11-02T21:30:00.000Z' },
      { kind: 'nobody_available', from: '2026-11-02T13:30:00.000Z', until: '2026-11-02T21:30:00.000Z' },
    ],
  },
  {
    department: 'ENGINEERING',
    date: '2026-11-03',
    cityHallMinutes: 480,
    unscheduledMinutes: 480,
    unavailableMinutes: 210,
    transfers: 0,
    transfersNotReached: 0,
    callbacksLate: 0,
    gaps: [
      { kind: 'nobody_scheduled', from: '2026-11-03T13:30:00.000Z', until: '2026-11-03T21:30:00.000Z' },
      { kind: 'nobody_available', from: '2026-11-03T13:30:00.000Z', until: '2026-11-03T17:00:00.000Z' },
    ],
  },
];
