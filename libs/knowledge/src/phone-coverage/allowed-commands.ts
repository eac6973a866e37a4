import type { Actor } from '@switchboard/ticketing';
import type { AvailabilityCommandType } from './availability-commands';
import { availabilityLifecycle } from './availability-machine';
import type { AvailabilityState } from './availability-state';
import type { RosterCommandType } from './roster-commands';
import { rosterLifecycle } from './roster-machine';
import type { RosterState } from './roster-state';

/** The roster commands the lifecycle would accept from `actor` now (a clear is probed on the roster's first exception), so clients restate no rule. */
export function allowedRosterCommands(roster: RosterState, department: string, actor: Actor, now: Date): RosterCommandType[] {
  const snapshot = rosterLifecycle.resolveState({ value: roster.status, context: { roster } });
  const date = roster.exceptions[0]?.date ?? '';
  const types: RosterCommandType[] = ['SetWeeklyRoster', 'SetRosterException', 'ClearRosterException'];
  return types.filter((type) => snapshot.can({ type, department, date, actor, now: now.getTime() } as never));
}

/** The availability commands the lifecycle would accept from `actor` for their own line now. */
export function allowedAvailabilityCommands(availability: AvailabilityState, actor: Actor, now: Date): AvailabilityCommandType[] {
  const snapshot = availabilityLifecycle.resolveState({ value: availability.status, context: { availability } });
  const types: AvailabilityCommandType[] = ['MarkAvailable', 'MarkAway'];
  return types.filter((type) => snapshot.can({ type, staffId: actor.id, department: actor.department, actor, now: now.getTime() } as never));
}
