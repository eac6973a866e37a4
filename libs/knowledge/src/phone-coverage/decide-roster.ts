import type { DecisionContext } from '@switchboard/ticketing';
import { type Decider, decideWith, type DecisionOf } from '../shared/decider';
import { notFound, type NotFound } from '../shared/domain-errors';
import { emitRosterEvents } from './emit-roster-events';
import type { RosterCommand } from './roster-commands';
import { ROSTER_SCHEMA_VERSIONS, type RosterEvent } from './roster-events';
import { rosterLifecycle } from './roster-machine';
import { ROSTER_BUSINESS_RULES, ROSTER_PERMISSION_RULES, type RosterContext } from './roster-rules';
import type { RosterState } from './roster-state';
import { validateRosterCommand } from './validate-roster-command';

/** A roster is a department's of today's catalog. */
const rosterReferences = (command: RosterCommand, ctx: DecisionContext): NotFound | undefined =>
  ctx.catalog.department(command.department) ? undefined : notFound(command.type, 'department', command.department);

/** The roster decider: the lifecycle, its rules, and how rosters are checked and recorded. */
export const rosterDecider: Decider<RosterCommand, RosterState, RosterEvent, RosterContext> = {
  lifecycle: {
    machine: rosterLifecycle,
    permissions: ROSTER_PERMISSION_RULES,
    business: ROSTER_BUSINESS_RULES,
    record: 'roster',
    unborn: 'unset',
    starts: 'SetWeeklyRoster',
    idOf: (event) => event.department,
    departmentOf: (_context, event) => event.department,
  },
  validate: validateRosterCommand,
  contextOf: (roster) => ({ roster }),
  statusOf: (roster) => roster.status,
  references: rosterReferences,
  emit: (command, roster) => emitRosterEvents(command, roster),
  schemaVersions: ROSTER_SCHEMA_VERSIONS,
};

export type RosterDecision = DecisionOf<RosterEvent>;

/** Decides what a command does to a department's roster: fields, who may, the catalog's department; pure. */
export const decideRoster = (command: RosterCommand, state: RosterState, ctx: DecisionContext): RosterDecision =>
  decideWith(rosterDecider, command, state, ctx);
