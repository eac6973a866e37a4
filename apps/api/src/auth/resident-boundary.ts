import { SetMetadata } from '@nestjs/common';
import type { Actor } from '@switchboard/ticketing';
import { assertMayRead } from './read-access';

export const OPEN_TO_RESIDENTS = 'switchboard:openToResidents';

/**
 * Marks a route a resident token may call: who they are (`/me`), the public catalog, and the
 * commands, whose own rules decide what a resident may do (open a request, nothing else today).
 * Every other route is for city staff.
 */
export const OpenToResidents = () => SetMetadata(OPEN_TO_RESIDENTS, true);

/**
 * Resident tokens are the Open311 api_keys given to third-party apps: they see what Open311 shows
 * (public fields, public notes) and nothing else. The staff API — tickets with their audit history
 * and internal comments, the ticket list, queues, metrics, escalations — refuses them unless a
 * route is marked OpenToResidents, so a new route is closed to residents until someone decides otherwise.
 */
export function assertResidentMay(actor: Actor, openToResidents: boolean): void {
  if (!openToResidents) assertMayRead('residentsUseOpen311', actor, {});
}
