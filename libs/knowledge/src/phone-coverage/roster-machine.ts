import { setup } from 'xstate';
import { guardsOf, when } from '../shared/lifecycle';
import { ROSTER_BUSINESS_RULES, ROSTER_PERMISSION_RULES, type RosterContext, type RosterMachineEvent, type RosterRuleName } from './roster-rules';
import type { RosterStatus } from './roster-state';

const to = (target: RosterStatus, ...rules: RosterRuleName[]) => when(target, 'departmentHeadsKeepTheirDepartmentsRosterTheDirectorAny', ...rules);

/**
 * The roster lifecycle: unset until its department (or the director) first sets it, then kept —
 * changed as often as needed, every change a fact. A roster has no end: a department always
 * answers its line.
 */
export const rosterLifecycle = setup({
  types: { context: {} as RosterContext, events: {} as RosterMachineEvent, input: {} as RosterContext },
  guards: guardsOf({ permissions: ROSTER_PERMISSION_RULES, business: ROSTER_BUSINESS_RULES }),
}).createMachine({
  id: 'roster',
  initial: 'unset',
  context: ({ input }) => input,
  states: {
    unset: {
      description: 'No history yet: nobody is scheduled on the line; the weekly roster comes first, its exceptions after.',
      on: { SetWeeklyRoster: to('kept') },
    },
    kept: {
      description: 'Weekly slots and dated exceptions, as last set.',
      on: {
        SetWeeklyRoster: to('kept'),
        SetRosterException: to('kept'),
        ClearRosterException: to('kept', 'onlyADateWithAnExceptionIsCleared'),
      },
    },
  },
});
