import type { EventStore } from '@switchboard/event-store';
import { ACTORS, TicketHistory } from './ticket-history';

/**
 * Four tickets in January 2026 (city time America/New_York, UTC−5):
 * AAA-0001 pothole: routed, worked, escalated, completed by the department head;
 * AAA-0002 general inquiry completed at first contact;
 * AAA-0003 missed trash closed as a duplicate of AAA-0001;
 * AAA-0004 streetlight completed, then reopened.
 */
export async function writeSampleTickets(store: EventStore): Promise<void> {
  const history = new TicketHistory(store);
  const { operator, dpwStaff, dpwHead, director } = ACTORS;
  await history.at('2026-01-05T14:00:00Z', operator, {
    type: 'OpenTicket',
    ticketId: 'AAA-0001',
    serviceCode: 'POTHOLE',
    description: 'Deep pothole on Elm St',
    channel: 'phone',
    attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
  });
  await history.at('2026-01-05T14:10:00Z', operator, { type: 'AssignTicket', ticketId: 'AAA-0001', department: 'DPW' });
  await history.at('2026-01-05T14:20:00Z', operator, {
    type: 'OpenTicket',
    ticketId: 'AAA-0002',
    serviceCode: 'GENERAL-INQUIRY',
    description: 'Hours of city hall',
    channel: 'web',
    attributes: { QUESTION: 'When is city hall open?' },
  });
  await history.at('2026-01-05T14:25:00Z', operator, { type: 'CompleteTicket', ticketId: 'AAA-0002', resolutionCode: 'answered', note: 'Open 8-5' });
  await history.at('2026-01-05T15:00:00Z', dpwStaff, { type: 'StartWork', ticketId: 'AAA-0001' });
  await history.at('2026-01-05T16:00:00Z', dpwStaff, { type: 'EscalateTicket', ticketId: 'AAA-0001', reason: 'complex', note: 'Needs a road crew' });
  await history.at('2026-01-06T15:00:00Z', operator, {
    type: 'OpenTicket',
    ticketId: 'AAA-0003',
    serviceCode: 'TRASH-MISSED',
    description: 'Missed pickup',
    channel: 'mobile_app',
    attributes: { CART_TYPE: 'trash' },
  });
  await history.at('2026-01-06T15:05:00Z', operator, { type: 'AssignTicket', ticketId: 'AAA-0003', department: 'DPW' });
  await history.at('2026-01-06T15:30:00Z', dpwHead, { type: 'CompleteTicket', ticketId: 'AAA-0001', resolutionCode: 'repaired', note: 'Patched' });
  await history.at('2026-01-06T16:00:00Z', operator, {
    type: 'CloseTicket',
    ticketId: 'AAA-0003',
    reason: 'duplicate',
    parentTicketId: 'AAA-0001',
    note: 'Same as AAA-0001',
  });
  await history.at('2026-01-07T14:00:00Z', operator, {
    type: 'OpenTicket',
    ticketId: 'AAA-0004',
    serviceCode: 'STREETLIGHT-OUT',
    description: 'Light out',
    channel: 'phone',
    attributes: { PROBLEM: 'out' },
  });
  await history.at('2026-01-07T14:05:00Z', operator, { type: 'AssignTicket', ticketId: 'AAA-0004', department: 'ENGINEERING' });
  await history.at('2026-01-08T15:00:00Z', director, { type: 'CompleteTicket', ticketId: 'AAA-0004', resolutionCode: 'replaced', note: 'New bulb' });
  await history.at('2026-01-12T15:00:00Z', operator, { type: 'ReopenTicket', ticketId: 'AAA-0004', reason: 'Out again' });
}
