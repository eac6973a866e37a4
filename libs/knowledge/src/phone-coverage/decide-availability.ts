import { DAY_MS, type DecisionContext, instantOfWallTime, wallTimeOf } from '@switchboard/ticketing';
import { type Decider, decideWith, type DecisionOf } from '../shared/decider';
import { notFound, type NotFound } from '../shared/domain-errors';
import type { AvailabilityCommand } from './availability-commands';
import { AVAILABILITY_SCHEMA_VERSIONS, type AvailabilityEvent } from './availability-events';
import { availabilityLifecycle } from './availability-machine';
import { AVAILABILITY_BUSINESS_RULES, AVAILABILITY_PERMISSION_RULES, type AvailabilityContext } from './availability-rules';
import type { AvailabilityState } from './availability-state';
import { validateAvailabilityCommand } from './validate-availability-command';

/** The next local midnight after `now` in the city's zone: when a mark of available lapses, so nobody stays "available" overnight by forgetting. */
export function endOfLocalDay(now: Date, timeZone: string): Date {
  const day = Math.floor(wallTimeOf(timeZone, now.getTime()) / DAY_MS);
  return new Date(instantOfWallTime(timeZone, (day + 1) * DAY_MS));
}

function emitAvailabilityEvents(command: AvailabilityCommand, state: AvailabilityState, ctx: DecisionContext): AvailabilityEvent[] {
  if (command.type === 'MarkAway') return [{ type: 'MarkedAway', data: { staffId: command.staffId, department: state.department! } }];
  const until = endOfLocalDay(ctx.now, ctx.catalog.config.calendar.timeZone).toISOString();
  return [{ type: 'MarkedAvailable', data: { staffId: command.staffId, department: command.department, until } }];
}

/** The availability decider: the lifecycle, its rules, and how marks are checked and recorded. */
export const availabilityDecider: Decider<AvailabilityCommand, AvailabilityState, AvailabilityEvent, AvailabilityContext> = {
  lifecycle: {
    machine: availabilityLifecycle,
    permissions: AVAILABILITY_PERMISSION_RULES,
    business: AVAILABILITY_BUSINESS_RULES,
    record: 'availability',
    unborn: 'unmarked',
    starts: 'MarkAvailable',
    idOf: (event) => event.staffId,
    departmentOf: (context, event) => (event.type === 'MarkAvailable' ? event.department : context.availability.department),
    personOf: (context) => context.availability.staffId,
  },
  validate: validateAvailabilityCommand,
  contextOf: (availability) => ({ availability }),
  statusOf: (availability) => availability.status,
  references: (command, ctx): NotFound | undefined =>
    command.type === 'MarkAvailable' && !ctx.catalog.department(command.department) ? notFound(command.type, 'department', command.department) : undefined,
  emit: emitAvailabilityEvents,
  schemaVersions: AVAILABILITY_SCHEMA_VERSIONS,
};

export type AvailabilityDecision = DecisionOf<AvailabilityEvent>;

/** Decides what a staff member's mark does: fields, who may, the catalog's department; pure. */
export const decideAvailability = (command: AvailabilityCommand, state: AvailabilityState, ctx: DecisionContext): AvailabilityDecision =>
  decideWith(availabilityDecider, command, state, ctx);
