import { answersFor, as, pothole } from './api-harness';
import { form, open311Client } from './open311/open311-client';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

// The demo catalog routes dead animals to Public Works on open (routing "on_open"); potholes need
// triage (no routing named). The test clock starts on Monday 2 November 2026, 09:00 in the city
// (EST), so a one-business-day SLA started then is due on Tuesday at 09:00.
const DEAD_ANIMAL = {
  serviceCode: 'DEAD-ANIMAL',
  description: 'Dead deer on the shoulder of Route 9',
  channel: 'phone',
  location: { address: 'Route 9 at Elm St' },
  attributes: answersFor('DEAD-ANIMAL'),
};
const DUE_TUESDAY_0900 = '2026-11-03T14:00:00.000Z';
const DUE_TUESDAY_0900_LOCAL = '2026-11-03T09:00:00-05:00';

const deadAnimalReport = () =>
  form([
    ['api_key', as.resident],
    ['service_code', 'DEAD-ANIMAL'],
    ['address_string', 'Route 9 at Elm St'],
    ['description', 'Dead deer'],
    ['attribute[ANIMAL_SIZE]', 'large'],
  ]);
const potholeReport = () =>
  form([
    ['api_key', as.resident],
    ['service_code', 'POTHOLE'],
    ['address_string', '12 Elm St'],
    ['attribute[SIZE]', 'large'],
    ['attribute[IN_ROADWAY]', 'yes'],
  ]);

describe.each(READ_STORE_KINDS)('routing on open through every channel (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  const open311 = open311Client(api);
  const queueIds = async (path: string, token: string, position: string) =>
    ((await api().request('GET', `${path}?position=${position}`, { token })).body.entries as { ticketId: string }[]).map((entry) => entry.ticketId);

  describe('given a service the catalog routes on open', () => {
    it('when an operator opens it over the JSON API, then one command opens and assigns it, and the SLA clock starts at once', async () => {
      const opened = await api().command('/tickets', as.operator, DEAD_ANIMAL);
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ status: 'assigned', events: ['TicketOpened', 'TicketAssigned'], revision: 1 });

      const ticket = await api().request('GET', `/tickets/${opened.body.ticketId}`, { token: as.operator });
      expect(ticket.body).toMatchObject({ status: 'assigned', department: 'DPW', dueAt: DUE_TUESDAY_0900 });

      const history = await api().request('GET', `/tickets/${opened.body.ticketId}/history`, { token: as.operator });
      expect(history.body.events.map((entry: { type: string }) => entry.type)).toEqual(['TicketOpened', 'TicketAssigned']);
      expect(history.body.events[1]).toMatchObject({
        data: { department: 'DPW', dueAt: DUE_TUESDAY_0900, routedBy: 'catalog' },
        actor: { id: 'ada.operator', role: 'operator' },
      });

      expect(await queueIds('/departments/DPW/queue', as.dpwStaff, opened.body.position)).toContain(opened.body.ticketId);
      expect(await queueIds('/intake/queue', as.operator, opened.body.position)).not.toContain(opened.body.ticketId);
    });

    it('when the same request is retried under its Idempotency-Key, then the first answer comes back and nothing is written twice', async () => {
      const key = { 'idempotency-key': 'desk-open-dead-animal-1' };
      const first = await api().command('/tickets', as.operator, DEAD_ANIMAL, key);
      const again = await api().command('/tickets', as.operator, DEAD_ANIMAL, key);
      expect(again.body).toEqual(first.body);
      const history = await api().request('GET', `/tickets/${first.body.ticketId}/history`, { token: as.operator });
      expect(history.body.events).toHaveLength(2);
    });

    it('when a resident submits it over Open311, then the POST answer already carries expected_datetime, as the request’s GET does', async () => {
      const posted = await open311.post('requests.json', deadAnimalReport());
      expect(posted.status).toBe(201);
      expect(posted.json[0]).toMatchObject({ expected_datetime: DUE_TUESDAY_0900_LOCAL, service_notice: expect.stringContaining('Public Works') });
      const id = posted.json[0].service_request_id;

      const read = await open311.get(`requests/${id}.json`, 'extensions=true');
      expect(read.json[0]).toMatchObject({ status: 'open', agency_responsible: 'Public Works', expected_datetime: DUE_TUESDAY_0900_LOCAL });
      expect(read.json[0].notes.map((note: { description: string }) => note.description)).toEqual(['Request received.', 'Routed to Public Works.']);

      const history = await api().request('GET', `/tickets/${id}/history`, { token: as.operator });
      expect(history.body.events[1]).toMatchObject({ data: { routedBy: 'catalog' }, actor: { role: 'resident' } });

      const xml = await open311.post('requests.xml', deadAnimalReport());
      expect(xml.text).toContain(`<expected_datetime>${DUE_TUESDAY_0900_LOCAL}</expected_datetime>`);
    });
  });

  describe('given a service that needs triage', () => {
    it('when it is opened over the JSON API and Open311, then it waits in 311’s intake queue with no SLA clock, urgent first, then the longest waiting', async () => {
      const phone = await api().command('/tickets', as.operator, pothole);
      api().clock.advance(1);
      const posted = await open311.post('requests.json', potholeReport());
      api().clock.advance(1);
      const urgent = await api().command('/tickets', as.operator, { ...pothole, priority: 'urgent' });
      expect(phone.body).toMatchObject({ status: 'intake', events: ['TicketOpened'] });
      expect(posted.status).toBe(201);
      expect(posted.json[0]).not.toHaveProperty('expected_datetime');
      const id = posted.json[0].service_request_id;
      expect((await open311.get(`requests/${id}.json`)).json[0].expected_datetime).toBeNull();

      const intake = await api().request('GET', `/intake/queue?position=${urgent.body.position}`, { token: as.operator });
      expect(intake.status).toBe(200);
      const mine = intake.body.entries.filter((entry: { ticketId: string }) => [phone.body.ticketId, id, urgent.body.ticketId].includes(entry.ticketId));
      expect(mine.map((entry: { ticketId: string }) => entry.ticketId)).toEqual([urgent.body.ticketId, phone.body.ticketId, id]);
      expect(mine[1]).toMatchObject({
        status: 'intake',
        department: 'DPW',
        dueAt: null,
        channel: 'phone',
        ageSeconds: 120,
        actions: ['AssignTicket', 'EscalateTicket', 'CompleteTicket', 'CloseTicket'],
      });
      expect(intake.body.entries.every((entry: { status: string }) => entry.status === 'intake')).toBe(true);
      expect(await queueIds('/departments/DPW/queue', as.dpwStaff, urgent.body.position)).not.toContain(phone.body.ticketId);

      // Once 311 routes it, it leaves intake for the department's queue.
      const routed = await api().command(`/tickets/${phone.body.ticketId}/assign`, as.operator, { department: 'DPW' });
      expect(await queueIds('/intake/queue', as.director, routed.body.position)).not.toContain(phone.body.ticketId);
      expect(await queueIds('/departments/DPW/queue', as.dpwStaff, routed.body.position)).toContain(phone.body.ticketId);
    });
  });

  it('the intake queue is 311’s and the director’s: a department is refused, naming the rule; a bad limit is a 400 naming it', async () => {
    const refused = await api().request('GET', '/intake/queue', { token: as.dpwStaff });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'Forbidden', rule: 'theIntakeQueueIsFor311AndTheDirector' });
    const bad = await api().request('GET', '/intake/queue?limit=0', { token: as.operator });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
  });
});
