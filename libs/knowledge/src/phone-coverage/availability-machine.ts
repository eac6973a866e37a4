import { setup } from 'xstate';
import { guardsOf, when } from '../shared/lifecycle';
import {
  AVAILABILITY_BUSINESS_RULES,
  AVAILABILITY_PERMISSION_RULES,
  type AvailabilityContext,
  type AvailabilityMachineEvent,
  type AvailabilityRuleName,
} from './availability-rules';
import type { AvailabilityStatus } from './availability-state';

const to = (target: AvailabilityStatus, ...rules: AvailabilityRuleName[]) => when(target, 'staffMarkOnlyThemselves', ...rules);
const markAvailable = to('available', 'staffAnswerTheirOwnDepartmentsLine');

/**
 * A staff member's availability on their department's line: available or away, as they mark it.
 * Marking available again while available renews the mark (for the rest of the day).
 */
export const availabilityLifecycle = setup({
  types: { context: {} as AvailabilityContext, events: {} as AvailabilityMachineEvent, input: {} as AvailabilityContext },
  guards: guardsOf({ permissions: AVAILABILITY_PERMISSION_RULES, business: AVAILABILITY_BUSINESS_RULES }),
}).createMachine({
  id: 'availability',
  initial: 'unmarked',
  context: ({ input }) => input,
  states: {
    unmarked: {
      description: 'Never marked: not answering.',
      on: { MarkAvailable: markAvailable },
    },
    available: {
      description: 'Answering the line until marked away or the local day ends.',
      on: { MarkAvailable: markAvailable, MarkAway: to('away') },
    },
    away: {
      description: 'Not answering the line.',
      on: { MarkAvailable: markAvailable },
    },
  },
});
