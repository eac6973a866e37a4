import { answersFor, as, pothole, useTestApi } from './api-harness';

describe('a ticket worked through its lifecycle by the right roles', () => {
  const api = useTestApi();

  it('opens, routes, works, holds, escalates, completes, reopens and closes, answering revision and position each time', async () => {
    const opened = await api().command('/tickets', as.operator, pothole);
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({
      ticketId: expect.stringMatching(/^[0-9A-Z]{3}-[0-9A-Z]{4}$/),
      revision: 0,
      position: expect.any(String),
      status: 'intake',
      events: ['TicketOpened'],
    });
    expect(opened.headers.etag).toBe('W/"0"');
    const id = opened.body.ticketId;

    const steps: [string, string, unknown, string][] = [
      ['assign', as.operator, { department: 'DPW' }, 'assigned'],
      ['start', as.dpwStaff, {}, 'in_progress'],
      ['hold', as.dpwStaff, { reason: 'waiting for the resident to confirm the spot' }, 'on_hold'],
      ['resume', as.dpwStaff, undefined, 'in_progress'],
      ['comments', as.dpwStaff, { body: 'Crew scheduled for Tuesday', visibility: 'public' }, 'in_progress'],
      ['priority', as.dpwHead, { priority: 'high', reason: 'school bus route' }, 'in_progress'],
      ['escalate', as.dpwStaff, { reason: 'complex', note: 'needs a trench permit' }, 'escalated'],
      ['complete', as.dpwHead, { resolutionCode: 'repaired', note: 'Filled and sealed' }, 'completed'],
      ['reopen', as.operator, { reason: 'resident reports it opened again' }, 'assigned'],
      ['close', as.operator, { reason: 'withdrawn', note: 'resident withdrew' }, 'closed'],
    ];
    let last = opened.body.position;
    for (const [index, [path, token, body, status]] of steps.entries()) {
      api().clock.advance(30);
      const answer = await api().command(`/tickets/${id}/${path}`, token, body);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ticketId: id, revision: index + 1, status });
      expect(answer.headers.etag).toBe(`W/"${index + 1}"`);
      expect(answer.body.position > last).toBe(true);
      last = answer.body.position;
    }

    const history = await api().request('GET', `/tickets/${id}/history`, { token: as.director });
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'TicketOpened',
      'TicketAssigned',
      'WorkStarted',
      'TicketPutOnHold',
      'TicketResumed',
      'TicketCommented',
      'PriorityChanged',
      'TicketEscalated',
      'TicketCompleted',
      'TicketReopened',
      'TicketClosed',
    ]);
    expect(history.body.events[2]).toMatchObject({
      revision: 2,
      type: 'WorkStarted',
      actor: { id: 'sam.dpw', role: 'staff', department: 'DPW' },
      occurredAt: '2026-11-02T15:00:00.000Z',
      stateBefore: 'assigned',
      stateAfter: 'in_progress',
      data: { assignee: 'sam.dpw' },
    });
  });

  it('shows the ticket with the commands the caller may perform now', async () => {
    const { body } = await api().command('/tickets', as.operator, pothole);
    await api().command(`/tickets/${body.ticketId}/assign`, as.operator, { department: 'DPW' });

    const forStaff = await api().request('GET', `/tickets/${body.ticketId}`, { token: as.dpwStaff });
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers.etag).toBe('W/"1"');
    expect(forStaff.body).toMatchObject({ ticketId: body.ticketId, status: 'assigned', department: 'DPW', revision: 1, description: pothole.description });
    expect(forStaff.body.allowedCommands).toEqual(
      expect.arrayContaining(['StartWork', 'PutTicketOnHold', 'EscalateTicket', 'CompleteTicket', 'CommentOnTicket']),
    );
    expect(forStaff.body.allowedCommands).not.toContain('AssignTicket');
    expect(forStaff.body.allowedCommands).not.toContain('CloseTicket');

    const forOtherDepartment = await api().request('GET', `/tickets/${body.ticketId}`, { token: as.engineeringStaff });
    expect(forOtherDepartment.body.allowedCommands).toEqual([]);
  });

  it('resolves at first contact: the operator completes from intake', async () => {
    const { body } = await api().command('/tickets', as.operator, { ...pothole, serviceCode: 'TRASH-MISSED', attributes: answersFor('TRASH-MISSED') });
    const completed = await api().command(`/tickets/${body.ticketId}/complete`, as.operator, { resolutionCode: 'answered', note: 'Pickup is tomorrow' });
    expect(completed.body).toMatchObject({ status: 'completed', revision: 1, events: ['TicketCompleted'] });
  });
});
