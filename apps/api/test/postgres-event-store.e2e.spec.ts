import { PostgresEventStore } from '@switchboard/event-store';
import { collect } from '../../../libs/event-store/src/testing/helpers';
import { usePostgresSchemas } from '../../../libs/event-store/src/testing/postgres-schemas';
import { as, pothole, startTestApi, type TestApi } from './api-harness';

// The production shape on one PostgreSQL server: the event log (SWITCHBOARD_EVENT_STORE=postgres://…)
// and the read models (SWITCHBOARD_READ_STORE=postgres://…), each in a schema of its own.
describe('the API on the PostgreSQL event store', () => {
  const newSchema = usePostgresSchemas();
  let eventStoreUrl: string;
  let readStoreUrl: string;
  let api: TestApi | undefined;
  beforeAll(async () => {
    [eventStoreUrl, readStoreUrl] = [newSchema(), newSchema()];
    api = await startTestApi({ eventStoreUrl, readStoreUrl });
  });
  afterAll(() => api?.close());

  it('runs commands through to the read models and the ticket history, with the log in PostgreSQL', async () => {
    const { body: opened } = await api!.command('/tickets', as.operator, { ...pothole, description: 'On the PostgreSQL log' });
    const { body: routed } = await api!.command(`/tickets/${opened.ticketId}/assign`, as.operator, { department: 'DPW' });
    expect(routed.position).toMatch(/^\d{20}$/);
    expect(routed.position > opened.position).toBe(true);

    const queue = await api!.request('GET', `/departments/DPW/queue?position=${routed.position}`, { token: as.dpwStaff });
    expect(queue.body.entries.map((entry: { ticketId: string }) => entry.ticketId)).toContain(opened.ticketId);
    const list = await api!.request('GET', `/tickets?text=postgresql%20log&position=${routed.position}`, { token: as.operator });
    expect(list.body.tickets.map((ticket: { ticketId: string }) => ticket.ticketId)).toEqual([opened.ticketId]);
    const history = await api!.request('GET', `/tickets/${opened.ticketId}/history`, { token: as.director });
    expect(history.status).toBe(200);

    // The events are in the PostgreSQL log, where another process reads them.
    const store = await PostgresEventStore.open(eventStoreUrl, { maxConnections: 1 });
    const events = await collect(store.readStream(`ticket-${opened.ticketId}`));
    await store.close();
    expect(events.map((event) => event.type)).toEqual(['TicketOpened', 'TicketAssigned']);
    expect(events[1].globalPosition).toBe(routed.position);
  });

  it('keeps its history and projects on when restarted on the same stores', async () => {
    const { body: opened } = await api!.command('/tickets', as.operator, { ...pothole, description: 'Before the restart' });
    await api!.close();
    api = await startTestApi({ eventStoreUrl, readStoreUrl });
    const { body: routed } = await api.command(`/tickets/${opened.ticketId}/assign`, as.operator, { department: 'DPW' }, { 'If-Match': '"0"' });
    const queue = await api.request('GET', `/departments/DPW/queue?position=${routed.position}`, { token: as.dpwStaff });
    expect(queue.body.entries.map((entry: { ticketId: string }) => entry.ticketId)).toContain(opened.ticketId);
  });
});
