import { actors } from '../testing/test-catalog';
import { fold } from '../evolve/evolve';
import { CURRENT_SCHEMA_VERSION, upcast, type TicketEventAsStored } from './upcasters';

const metadata = (schemaVersion?: number): TicketEventAsStored['metadata'] => ({
  eventId: '6f1c2a8e-0000-5000-8000-000000000001',
  commandId: 'legacy-1',
  correlationId: 'legacy-1',
  causationId: 'legacy-1',
  actor: actors.operator,
  occurredAt: '2025-03-04T15:00:00.000Z',
  ...(schemaVersion === undefined ? {} : { schemaVersion }),
});

describe('upcasting stored events', () => {
  // The exact shape version 1 of TicketOpened was stored in.
  const storedV1: TicketEventAsStored = {
    type: 'TicketOpened',
    data: {
      ticketId: 'LEG-0001',
      serviceCode: 'POTHOLE',
      department: 'DPW',
      description: 'Pothole on Main St',
      channel: 'phone',
      priority: 'high',
      address: '12 Main St',
      latitude: 42.1,
      longitude: -71.2,
      residentName: 'A. Resident',
      residentPhone: '555-0100',
      residentEmail: null,
    },
    metadata: metadata(1),
  };

  it('turns a v1 TicketOpened into today’s shape', () => {
    expect(upcast(storedV1)).toEqual({
      type: 'TicketOpened',
      data: {
        ticketId: 'LEG-0001',
        serviceCode: 'POTHOLE',
        owningDepartment: 'DPW',
        description: 'Pothole on Main St',
        channel: 'phone',
        priority: 'high',
        location: { address: '12 Main St', latitude: 42.1, longitude: -71.2 },
        contact: { name: 'A. Resident', phone: '555-0100' },
      },
      metadata: { ...metadata(1), schemaVersion: CURRENT_SCHEMA_VERSION.TicketOpened },
    });
  });

  it('treats an event stored without a schema version as v1', () => {
    expect(upcast({ ...storedV1, metadata: metadata() })?.data).toMatchObject({ owningDepartment: 'DPW' });
  });

  it('turns a v1 TicketEscalated level into a tier', () => {
    const director = upcast({ type: 'TicketEscalated', data: { level: 'director', reason: 'complex' }, metadata: metadata(1) });
    const head = upcast({ type: 'TicketEscalated', data: { level: 'department_head', reason: 'complex' }, metadata: metadata(1) });
    expect(director?.data).toEqual({ tier: 2, reason: 'complex' });
    expect(head?.data).toEqual({ tier: 1, reason: 'complex' });
  });

  it('leaves current events as they are', () => {
    const current: TicketEventAsStored = { type: 'TicketCommented', data: { commentId: 'c', body: 'b', visibility: 'public' }, metadata: metadata(1) };
    expect(upcast(current)).toEqual({ ...current, metadata: { ...current.metadata, schemaVersion: 1 } });
  });

  it('skips event types this version does not know instead of failing replay', () => {
    expect(upcast({ type: 'TicketTeleported', data: {}, metadata: metadata(1) })).toBeUndefined();
    expect(upcast({ type: 'constructor', data: {}, metadata: metadata(1) })).toBeUndefined();
  });

  it.each([0, 1.5, -3, '1', 'v1', null])('reads an unusual stored schema version (%p) as v1 instead of failing', (version) => {
    const event = upcast({ ...storedV1, metadata: { ...metadata(), schemaVersion: version as never } });
    expect(event?.metadata.schemaVersion).toBe(CURRENT_SCHEMA_VERSION.TicketOpened);
    expect(event?.data).toMatchObject({ owningDepartment: 'DPW' });
  });

  it('a v1 history replays into today’s state', () => {
    const state = fold([
      upcast(storedV1)!,
      upcast({ type: 'TicketEscalated', data: { level: 'department_head', reason: 'complex', department: 'DPW' }, metadata: metadata(1) })!,
    ]);
    expect(state).toMatchObject({ status: 'escalated', escalationTier: 1, owningDepartment: 'DPW', department: 'DPW' });
  });
});
