import { answersFor, as, startTestApi, type TestApi } from './api-harness';

describe('GET /metrics (Prometheus)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const scrape = async () => {
    const response = await fetch(`${await api.app.getUrl()}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('reports HTTP and command latency by route and outcome, and append latency', async () => {
    const opened = await api.command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      description: 'Deep pothole',
      channel: 'phone',
      attributes: answersFor('POTHOLE'),
    });
    const id = opened.body.ticketId as string;
    await api.command(`/tickets/${id}/assign`, as.operator, { department: 'DPW' });
    expect((await api.request('POST', `/tickets/${id}/assign`, { token: as.operator, body: { department: 'DPW' } })).status).toBe(400);
    expect((await api.request('POST', `/tickets/${id}/start`, { token: as.operator })).status).toBe(403);
    expect((await api.request('POST', `/tickets/${id}/start`, { token: as.dpwStaff, headers: { 'if-match': 'W/"0"' } })).status).toBe(412);

    const text = await scrape();
    expect(text).toMatch(/switchboard_http_request_duration_seconds_count\{method="POST",route="\/tickets\/:id\/assign",status="2xx"\} 1/);
    expect(text).toMatch(/switchboard_http_request_duration_seconds_count\{method="POST",route="\/tickets",status="2xx"\} 1/);
    expect(text).toMatch(/switchboard_command_duration_seconds_count\{command="OpenTicket",outcome="accepted"\} 1/);
    expect(text).toMatch(/switchboard_command_duration_seconds_count\{command="AssignTicket",outcome="InvalidCommand"\} 1/);
    expect(text).toMatch(/switchboard_command_duration_seconds_count\{command="StartWork",outcome="Forbidden"\} 1/);
    expect(text).toMatch(/switchboard_command_duration_seconds_count\{command="StartWork",outcome="revision_mismatch"\} 1/);
    expect(text).toMatch(/switchboard_event_store_append_duration_seconds_count 2/);
    expect(text).toMatch(/switchboard_process_resident_memory_bytes \d+/);
  });

  it('needs no credentials, and labels unknown URLs by pattern, not by path', async () => {
    await api.request('GET', '/no/such/route/123');
    const text = await scrape();
    expect(text).toMatch(/route="unmatched"/);
    expect(text).not.toContain('/no/such/route/123');
  });
});
