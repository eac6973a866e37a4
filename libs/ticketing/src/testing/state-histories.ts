import type { TicketStatus } from '../model/ticket-state';
import { steps, type Step } from './ticket-spec';

/** A shortest history that leaves the ticket in each state. */
export const HISTORY_TO: Record<TicketStatus, Step[]> = {
  unopened: [],
  intake: [steps.open()],
  assigned: [steps.open(), steps.assign()],
  in_progress: [steps.open(), steps.assign(), steps.start()],
  on_hold: [steps.open(), steps.assign(), steps.hold()],
  escalated: [steps.open(), steps.assign(), steps.escalate()],
  completed: [steps.open(), steps.assign(), steps.complete()],
  closed: [steps.open(), steps.close()],
};
