import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ReadModels } from '@switchboard/read-models';
import { usePostgresSchemas } from '../../../libs/event-store/src/testing/postgres-schemas';
import { runCli } from '../../cli/test/support/run-cli';
import { READ_MODELS } from '../src/read-models/read-models.module';
import { as, pothole, startTestApi, useTestApi } from './api-harness';

/** The parts of a ticket view that are figures and facts, not the resident's data. */
const factsOf = (view: Record<string, unknown>) => {
  const { contact: _contact, allowedCommands: _allowed, revision: _revision, ...facts } = view;
  return facts;
};

describe('erasing a ticket’s resident data (POST /tickets/:id/erase-resident-data) on the SQLite event store', () => {
  const api = useTestApi();
  let cwd: string;
  let ticketId: string;
  let position: string;
  const cli = (...argv: string[]) => runCli([...argv, '--store', api().eventStoreUrl], { cwd, now: api().clock.now() });
  const exportedEvents = async () => (await cli('export', 'events')).stdout;
  const lookUp = async (at: string) =>
    (await api().request('POST', '/residents/lookups', { token: as.operator, body: { phone: '978-555-0101', position: at } })).body.tickets;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'switchboard-erasure-'));
    const opened = await api().command('/tickets', as.operator, {
      ...pothole,
      contact: { name: 'Ann Resident', phone: '978-555-0101', email: 'ann@example.org' },
    });
    ticketId = opened.body.ticketId;
    position = (await api().command(`/tickets/${ticketId}/assign`, as.operator, { department: 'DPW' })).body.position;
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('given a ticket with a contact, then the contact reads where it is shown, and the log, its export and the key store hold it only sealed', async () => {
    const view = await api().request('GET', `/tickets/${ticketId}`, { token: as.director });
    expect(view.body.contact).toEqual({ name: 'Ann Resident', phone: '978-555-0101', email: 'ann@example.org' });
    const history = await api().request('GET', `/tickets/${ticketId}/history`, { token: as.director });
    expect(history.body.events[0].data.contact).toEqual(view.body.contact);
    expect(await lookUp(position)).toEqual([expect.objectContaining({ ticketId })]);
    const exported = await exportedEvents();
    expect(exported).toContain('"sealed":"A256GCM.');
    for (const personal of ['Ann Resident', '978-555-0101', 'ann@example.org']) expect(exported).not.toContain(personal);
    expect(existsSync(join(dirname(api().eventStoreUrl.slice('sqlite:'.length)), 'resident-keys.db'))).toBe(true);
  });

  it('given someone other than the director, or no reason, when they ask to erase, then they are refused and nothing changes', async () => {
    const refused = await api().request('POST', `/tickets/${ticketId}/erase-resident-data`, { token: as.operator, body: { reason: 'privacy request' } });
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('residentDataIsErasedByTheDirector');
    const noReason = await api().request('POST', `/tickets/${ticketId}/erase-resident-data`, { token: as.director, body: {} });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const unknown = await api().request('POST', '/tickets/NOP-0000/erase-resident-data', { token: as.director, body: { reason: 'privacy request' } });
    expect(unknown.status).toBe(404);
    expect((await api().request('GET', `/tickets/${ticketId}`, { token: as.director })).body.contact).toBeDefined();
  });

  it('given the director’s erasure, then the contact reads nowhere, the erasure is in the history, and the history, figures and chain are as they were', async () => {
    const before = {
      view: (await api().request('GET', `/tickets/${ticketId}`, { token: as.director })).body,
      history: (await api().request('GET', `/tickets/${ticketId}/history`, { token: as.director })).body,
      export: (await exportedEvents()).trimEnd().split('\n'),
      open311: (await api().request('GET', `/open311/v2/requests/${ticketId}.json`)).body,
    };

    api().clock.advance(5);
    const erased = await api().request('POST', `/tickets/${ticketId}/erase-resident-data`, {
      token: as.director,
      body: { reason: 'resident asked (privacy request 77)' },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: ticketId, revision: before.view.revision + 1, erasedAt: api().clock.now().toISOString(), alreadyErased: false });

    const view = (await api().request('GET', `/tickets/${ticketId}`, { token: as.director })).body;
    expect(view).not.toHaveProperty('contact');
    const { residentDataErasedAt, ...viewAfter } = view;
    expect(residentDataErasedAt).toBe(erased.body.erasedAt);
    expect(factsOf(viewAfter)).toEqual(factsOf(before.view));

    const history = (await api().request('GET', `/tickets/${ticketId}/history`, { token: as.director })).body;
    expect(history.events).toHaveLength(before.history.events.length + 1);
    expect(history.events[0].data).not.toHaveProperty('contact');
    expect(history.events.at(-1)).toMatchObject({
      type: 'ResidentDataErased',
      data: { reason: 'resident asked (privacy request 77)', trigger: 'request' },
      actor: { id: 'dee.director', role: 'director' },
      occurredAt: erased.body.erasedAt,
    });
    const { contact: _gone, ...openedBefore } = before.history.events[0].data;
    expect(history.events[0].data).toEqual(openedBefore);

    // The log is unchanged up to the erasure (the sealed contact is still there, byte for byte), and still verifies.
    const exported = (await exportedEvents()).trimEnd().split('\n');
    expect(exported.slice(0, before.export.length)).toEqual(before.export);
    expect(exported).toHaveLength(before.export.length + 1);
    const verified = await cli('audit', 'verify');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain(`intact: ${exported.length} events`);

    const audit = await cli('audit', 'ticket', ticketId);
    expect(audit).toMatchObject({ code: 0, stderr: '' });
    expect(audit.stdout).toContain('resident data erased (request) “resident asked (privacy request 77)”'.replace(/[“”]/g, '"'));
    for (const personal of ['Ann Resident', '978-555-0101', 'ann@example.org']) expect(audit.stdout).not.toContain(personal);

    // The public request is as it was; the erasure, a recorded event, is its latest update.
    const [request] = (await api().request('GET', `/open311/v2/requests/${ticketId}.json`)).body;
    expect(request).toEqual({ ...before.open311[0], updated_datetime: '2026-11-02T09:05:00-05:00' });
    expect(await lookUp(erased.body.position)).toEqual([]);

    const again = await api().request('POST', `/tickets/${ticketId}/erase-resident-data`, { token: as.director, body: { reason: 'twice' } });
    expect(again.body).toMatchObject({ revision: erased.body.revision, erasedAt: erased.body.erasedAt, alreadyErased: true });
  });
});

describe('erasing a 311 contact’s resident data (POST /contacts/:id/erase-resident-data)', () => {
  const api = useTestApi();
  let cwd: string;
  let position: string;
  const rosa = { name: 'Rosa Diaz', phone: '978-555-0199', email: 'rosa@example.org' };
  const cli = (...argv: string[]) => runCli([...argv, '--store', api().eventStoreUrl], { cwd, now: api().clock.now() });
  const lookUp = async (at: string) =>
    (await api().request('POST', '/residents/lookups', { token: as.operator, body: { phone: rosa.phone, position: at } })).body.contacts;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'switchboard-erasure-'));
    await api().command('/contacts/ERASE-1/start', as.operator, { channel: 'phone', line: '311', resident: rosa });
    position = (await api().command('/contacts/ERASE-1/transfer', as.operator, { department: 'DPW', reached: false })).body.position;
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('given a contact with a resident, then the resident reads in the contact and the look-up, and the log holds them only sealed', async () => {
    expect((await api().request('GET', '/contacts/ERASE-1', { token: as.director })).body.contact.resident).toEqual(rosa);
    expect(await lookUp(position)).toEqual([expect.objectContaining({ contactId: 'ERASE-1' })]);
    const exported = (await cli('export', 'events')).stdout;
    for (const personal of Object.values(rosa)) expect(exported).not.toContain(personal);
  });

  it('given the director’s erasure, then the resident reads nowhere, the steps stand, the log still verifies; others are refused', async () => {
    const before = (await api().request('GET', '/contacts/ERASE-1', { token: as.director })).body;
    expect((await api().request('POST', '/contacts/ERASE-1/erase-resident-data', { token: as.operator, body: { reason: 'privacy request' } })).status).toBe(
      403,
    );
    expect((await api().request('POST', '/contacts/NO-SUCH/erase-resident-data', { token: as.director, body: { reason: 'privacy request' } })).status).toBe(
      404,
    );

    const erased = await api().request('POST', '/contacts/ERASE-1/erase-resident-data', { token: as.director, body: { reason: 'privacy request 78' } });
    expect(erased.body).toMatchObject({ id: 'ERASE-1', revision: before.revision + 1, alreadyErased: false });
    const after = (await api().request('GET', '/contacts/ERASE-1', { token: as.director })).body;
    expect(after.contact).not.toHaveProperty('resident');
    const { resident: _gone, ...kept } = before.contact;
    expect(after.contact).toEqual({ ...kept, residentDataErasedAt: erased.body.erasedAt });
    expect(await lookUp(erased.body.position)).toEqual([]);
    expect(await cli('audit', 'verify')).toMatchObject({ code: 0 });
  });
});

describe('who read a resident’s data (GET /tickets/:id/resident-data-reads, GET /contacts/:id/resident-data-reads)', () => {
  const api = useTestApi();
  const reads = async (url: string, token = as.director) => api().request('GET', url, { token });

  it('given answers that showed the contact and some that did not, then the director sees each that did, by whom, when and where; nobody else may ask', async () => {
    const { ticketId } = (await api().command('/tickets', as.operator, pothole)).body;
    await api().command(`/tickets/${ticketId}/assign`, as.operator, { department: 'DPW' });
    expect((await reads(`/tickets/${ticketId}/resident-data-reads`)).body).toEqual({ reads: [] });

    api().clock.advance(1);
    const first = api().clock.now().toISOString();
    await api().request('GET', `/tickets/${ticketId}`, { token: as.operator });
    api().clock.advance(1);
    await api().request('GET', `/tickets/${ticketId}/history`, { token: as.director });
    // Shown no contact (public Open311, another department's staff): nothing personal read, nothing recorded.
    await api().request('GET', `/open311/v2/requests/${ticketId}.json`);
    const other = await api().request('GET', `/tickets/${ticketId}`, { token: as.engineeringStaff });
    expect(other.body).not.toHaveProperty('contact');

    const answer = await reads(`/tickets/${ticketId}/resident-data-reads`);
    expect(answer.status).toBe(200);
    expect(answer.body.reads).toEqual([
      { at: first, by: { id: 'ada.operator', role: 'operator' }, via: 'ticket' },
      { at: api().clock.now().toISOString(), by: { id: 'dee.director', role: 'director' }, via: 'ticket-history' },
    ]);
    const refused = await reads(`/tickets/${ticketId}/resident-data-reads`, as.operator);
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('residentDataReadsAreAuditedByTheDirector');
    expect((await reads('/tickets/NOP-0000/resident-data-reads')).status).toBe(404);

    await api().command(`/tickets/${ticketId}/erase-resident-data`, as.director, { reason: 'privacy request' });
    await api().request('GET', `/tickets/${ticketId}`, { token: as.operator });
    expect((await reads(`/tickets/${ticketId}/resident-data-reads`)).body.reads).toHaveLength(2);
  });

  it('given a contact viewed with its resident, then the read is listed for the director', async () => {
    await api().command('/contacts/READS-1/start', as.operator, { channel: 'phone', line: '311', resident: { name: 'Rosa Diaz' } });
    await api().request('GET', '/contacts/READS-1', { token: as.operator });
    expect((await reads('/contacts/READS-1/resident-data-reads')).body.reads).toEqual([
      { at: api().clock.now().toISOString(), by: { id: 'ada.operator', role: 'operator' }, via: 'contact' },
    ]);
    expect((await reads('/contacts/NO-SUCH/resident-data-reads')).status).toBe(404);
  });
});

describe('resident data with the log, the read models and the keys in PostgreSQL', () => {
  const newSchema = usePostgresSchemas();
  const stores = { eventStoreUrl: newSchema(), readStoreUrl: newSchema(), residentKeysPath: newSchema() };

  it('given a host restarted on the same stores, then a kept contact still reads, an erased one does not, and the look-up agrees', async () => {
    const first = await startTestApi(stores);
    let kept: string;
    let erased: string;
    try {
      kept = (await first.command('/tickets', as.operator, { ...pothole, contact: { name: 'Kept Resident', phone: '978-555-0144' } })).body.ticketId;
      erased = (await first.command('/tickets', as.operator, { ...pothole, contact: { name: 'Erased Resident', phone: '978-555-0155' } })).body.ticketId;
      await first.command(`/tickets/${erased}/erase-resident-data`, as.director, { reason: 'privacy request' });
    } finally {
      await first.close();
    }
    const second = await startTestApi(stores);
    try {
      expect((await second.request('GET', `/tickets/${kept}`, { token: as.director })).body.contact).toMatchObject({ name: 'Kept Resident' });
      expect((await second.request('GET', `/tickets/${erased}`, { token: as.director })).body).not.toHaveProperty('contact');
      const lookUp = async (phone: string) => (await second.request('POST', '/residents/lookups', { token: as.operator, body: { phone } })).body.tickets;
      await second.app.get<ReadModels>(READ_MODELS).waitForPosition((await second.command('/tickets', as.operator, pothole)).body.position, 5_000);
      expect(await lookUp('978-555-0144')).toEqual([expect.objectContaining({ ticketId: kept })]);
      expect(await lookUp('978-555-0155')).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
