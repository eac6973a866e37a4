import { createServiceCatalog, type ServiceCatalog } from '../catalog';
import type { TicketCommand } from '../commands/ticket-commands';
import { deterministicEventId } from '../events/event-ids';
import type { StampedTicketEvent } from '../events/ticket-events';
import { fold } from '../evolve/evolve';
import type { Actor } from '../model/actor';
import { initialTicketState, type TicketState } from '../model/ticket-state';
import { actors, testCatalogConfig } from '../testing/test-catalog';
import { decide, type Decision } from './decide';

// Monday 2 November 2026, 09:01 in Boston (EST, UTC-5). Business hours 08:30-16:30.
const MON_0901 = new Date('2026-11-02T14:01:00.000Z');
const TICKET_ID = 'R0U-7ED1';

/** The test catalog with potholes routed on open, trash triaged by default and dog licenses triaged by name. */
function routingCatalog(): ServiceCatalog {
  const config = structuredClone(testCatalogConfig);
  config.services.find((s) => s.code === 'POTHOLE')!.routing = 'on_open';
  config.services.find((s) => s.code === 'DOG-LICENSE')!.routing = 'triage';
  return createServiceCatalog(config);
}

const catalog = routingCatalog();

const open = (serviceCode: string, channel: 'phone' | 'open311' = 'phone'): TicketCommand => ({
  type: 'OpenTicket',
  ticketId: TICKET_ID,
  serviceCode,
  description: 'Reported at 12 Elm St',
  channel,
});

/** Given a ticket's history (recorded facts), when `command` is decided by `by` at `now`. */
function given(history: readonly StampedTicketEvent[] = []) {
  const state: TicketState = fold(history, initialTicketState);
  return {
    state,
    when(command: TicketCommand, by: Actor, now = MON_0901, commandId = 'cmd-open-1'): Decision & { after?: TicketState } {
      const decision = decide(command, state, { now, actor: by, commandId, catalog });
      return decision.ok ? { ...decision, after: fold(decision.events, state) } : decision;
    },
  };
}

const accepted = (decision: Decision): StampedTicketEvent[] => {
  if (!decision.ok) throw new Error(`expected the command to be accepted, got ${decision.error.kind}: ${decision.error.message}`);
  return decision.events;
};

describe('routing on open (the catalog policy per service type)', () => {
  it('given a service the catalog routes on open, when an operator opens a ticket, then it is opened and assigned to the owner in one decision, the SLA clock starting now', () => {
    const decision = given().when(open('POTHOLE'), actors.operator);
    const events = accepted(decision);
    const due = catalog.calendar.dueDate(MON_0901, catalog.service('POTHOLE')!.sla);
    expect(events.map((e) => e.type)).toEqual(['TicketOpened', 'TicketAssigned']);
    expect(events[1].data).toEqual({
      department: 'DPW',
      dueAt: due.toISOString(),
      slaBusinessMs: 16 * 3_600_000,
      routedBy: 'catalog',
    });
    expect(decision.ok && decision.status).toBe('assigned');
    expect(decision.after).toMatchObject({ status: 'assigned', department: 'DPW', owningDepartment: 'DPW', dueAt: due.toISOString() });
  });

  it('then both facts carry the command and the opener as actor, with event ids derived from the command id and their place in it', () => {
    const events = accepted(given().when(open('POTHOLE'), actors.operator, MON_0901, 'cmd-42'));
    expect(events.map((e) => e.metadata.eventId)).toEqual([deterministicEventId('cmd-42', 0), deterministicEventId('cmd-42', 1)]);
    for (const event of events) {
      expect(event.metadata).toMatchObject({ commandId: 'cmd-42', commandType: 'OpenTicket', actor: actors.operator, occurredAt: MON_0901.toISOString() });
    }
    expect(events[0].metadata.commandDigest).toBe(events[1].metadata.commandDigest);
    // Deciding the same command again (a retry) gives the very same facts.
    expect(accepted(given().when(open('POTHOLE'), actors.operator, MON_0901, 'cmd-42'))).toEqual(events);
  });

  it('given a routed service, when a resident opens it through Open311, then the catalog routes it although residents may not route tickets', () => {
    const events = accepted(given().when(open('POTHOLE', 'open311'), actors.resident));
    expect(events.map((e) => e.type)).toEqual(['TicketOpened', 'TicketAssigned']);
    expect(events[1]).toMatchObject({ data: { department: 'DPW', routedBy: 'catalog' }, metadata: { actor: actors.resident } });
    // The same resident could not send the ticket anywhere themselves.
    const history = given(events);
    const reassign = history.when({ type: 'AssignTicket', ticketId: TICKET_ID, department: 'CLERK' }, actors.resident, MON_0901, 'cmd-2');
    expect(reassign).toMatchObject({ ok: false, error: { kind: 'Forbidden', rule: 'operatorsDepartmentHeadsAndTheDirectorRouteTickets' } });
  });

  it.each([
    ['names no routing (the default)', 'TRASH-MISSED'],
    ['names triage', 'DOG-LICENSE'],
  ])('given a service whose catalog entry %s, when a ticket is opened, then it stays in intake with no SLA clock', (_how, serviceCode) => {
    const decision = given().when(open(serviceCode), actors.operator);
    expect(accepted(decision).map((e) => e.type)).toEqual(['TicketOpened']);
    expect([decision.after?.status, decision.after?.department, decision.after?.dueAt]).toEqual(['intake', undefined, undefined]);
  });

  it('given a routed service, when the system tries to open a ticket, then the opening rule refuses it first', () => {
    expect(given().when(open('POTHOLE'), actors.system)).toMatchObject({
      ok: false,
      error: { kind: 'Forbidden', rule: 'residentsAndCityStaffMayOpenTickets' },
    });
  });

  it('given an unknown service, when a ticket is opened, then it is NotFound (no routing is attempted)', () => {
    expect(given().when(open('NOPE'), actors.operator)).toMatchObject({ ok: false, error: { kind: 'NotFound', what: 'service' } });
  });

  it('given a ticket routed on open, then its department works it at once and a re-route keeps the running clock', () => {
    const opened = accepted(given().when(open('POTHOLE'), actors.operator));
    const started = given(opened).when({ type: 'StartWork', ticketId: TICKET_ID }, actors.dpwStaff, new Date('2026-11-02T15:00:00Z'), 'cmd-2');
    expect(accepted(started).map((e) => e.type)).toEqual(['WorkStarted']);
    const same = given(opened).when({ type: 'AssignTicket', ticketId: TICKET_ID, department: 'DPW' }, actors.operator, MON_0901, 'cmd-3');
    expect(same).toMatchObject({ ok: false, error: { kind: 'InvalidCommand', field: 'department' } });
    const moved = accepted(given(opened).when({ type: 'AssignTicket', ticketId: TICKET_ID, department: 'CLERK' }, actors.operator, MON_0901, 'cmd-4'));
    expect(moved[0].data).toEqual({ department: 'CLERK', previousDepartment: 'DPW', dueAt: (opened[1].data as { dueAt?: string }).dueAt });
  });

  it('given a ticket opened before its service was routed on open, when its history is replayed, then it is still in intake (facts are folded, not reinterpreted)', () => {
    const before = decide(open('POTHOLE'), initialTicketState, {
      now: MON_0901,
      actor: actors.operator,
      commandId: 'old',
      catalog: createServiceCatalog(testCatalogConfig),
    });
    const history = accepted(before);
    expect(history.map((e) => e.type)).toEqual(['TicketOpened']);
    const { status, department, dueAt } = given(history).state;
    expect([status, department, dueAt]).toEqual(['intake', undefined, undefined]);
  });
});
