import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import { TICKET_STREAM_PREFIX } from '@switchboard/ticketing';
import { DEMO_CATALOG_PATH } from '../src/config/api-config';
import { ResidentRetentionService } from '../src/privacy/resident-retention.service';
import { READ_MODELS } from '../src/read-models/read-models.module';
import { as, pothole, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** The demo catalog with potholes' resident data kept 30 days after the ticket ended, and 311 contacts' 90 days after the contact ended. */
const catalogDir = mkdtempSync(join(tmpdir(), 'switchboard-retention-'));
const catalogPath = join(catalogDir, 'catalog.json');
const demo = JSON.parse(readFileSync(resolve(__dirname, '../../..', DEMO_CATALOG_PATH), 'utf8'));
demo.services = demo.services.map((service: { code: string }) => (service.code === 'POTHOLE' ? { ...service, residentDataRetentionDays: 30 } : service));
demo.policies = { ...demo.policies, contactResidentDataRetentionDays: 90 };
writeFileSync(catalogPath, JSON.stringify(demo));
afterAll(() => rmSync(catalogDir, { recursive: true, force: true }));

/**
 * Resolves once the read models include the event store's last event they project (reading a
 * ticket's contact appends a ResidentDataRead, which no read model projects, so the log's very last
 * event may be one the read models never reach).
 */
async function caughtUp(api: TestApi): Promise<void> {
  for await (const last of api.app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards' })) {
    if (!last.streamName.startsWith(TICKET_STREAM_PREFIX) && !last.streamName.startsWith('contact-')) continue;
    await api.app.get<ReadModels>(READ_MODELS).waitForPosition(last.globalPosition, 5_000);
    return;
  }
}

describe.each(READ_STORE_KINDS)('erasing resident data when a service’s retention period runs out (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind, { catalogPath });
  const scan = async () => {
    await caughtUp(api());
    const result = await api().app.get(ResidentRetentionService).watcher.scan();
    await caughtUp(api());
    return result;
  };
  const contactOf = async (id: string) => (await api().request('GET', `/tickets/${id}`, { token: as.director })).body.contact;
  const opened = async (contact: object) => (await api().command('/tickets', as.operator, { ...pothole, contact })).body.ticketId as string;

  it('given tickets ended 30 and 10 days ago and one still open, when the watcher scans on the fake clock, then only the first is erased, a minute after its 30 days, by the watcher, once', async () => {
    const old = await opened({ name: 'Old Report', phone: '978-555-0111' });
    const open = await opened({ name: 'Still Open', phone: '978-555-0122' });
    await api().command(`/tickets/${old}/close`, as.operator, { reason: 'withdrawn' });
    api().clock.advance(20 * 24 * 60);
    const recent = await opened({ name: 'Recent Report', phone: '978-555-0133' });
    await api().command(`/tickets/${recent}/close`, as.operator, { reason: 'withdrawn' });

    api().clock.advance(10 * 24 * 60 - 1);
    expect(await scan()).toEqual({ tickets: 0, contacts: 0, actions: 0, failures: 0 });
    expect(await contactOf(old)).toMatchObject({ name: 'Old Report' });

    api().clock.advance(2);
    expect(await scan()).toEqual({ tickets: 1, contacts: 0, actions: 1, failures: 0 });
    expect(await contactOf(old)).toBeUndefined();
    expect(await contactOf(recent)).toMatchObject({ name: 'Recent Report' });
    expect(await contactOf(open)).toMatchObject({ name: 'Still Open' });
    const history = (await api().request('GET', `/tickets/${old}/history`, { token: as.director })).body.events;
    expect(history.at(-1)).toMatchObject({
      type: 'ResidentDataErased',
      actor: { id: 'retention-watcher', role: 'system' },
      occurredAt: api().clock.now().toISOString(),
      data: { trigger: 'retention', reason: 'the retention period of POTHOLE (30 days after the ticket ended) ran out' },
    });

    // Erased tickets drop out of the question: the next scan finds nothing to do.
    expect(await scan()).toEqual({ tickets: 0, contacts: 0, actions: 0, failures: 0 });
  });

  it('given contacts ended 90 and 60 days ago, one never ended and one anonymous, when the watcher scans on the fake clock, then only those past the city’s 90 days with a resident are erased', async () => {
    const resident = (name: string) => ({ channel: 'phone', line: '311', resident: { name, phone: '978-555-0144' } });
    const residentOf = async (id: string) => (await api().request('GET', `/contacts/${id}`, { token: as.director })).body.contact.resident;
    await api().command(`/contacts/${kind}-OLD/start`, as.operator, resident('Old Caller'));
    await api().command(`/contacts/${kind}-OLD/end`, as.operator, { outcome: 'handled' });
    await api().command(`/contacts/${kind}-OPEN/start`, as.operator, resident('Never Ended'));
    await api().command(`/contacts/${kind}-ANON/start`, as.operator, { channel: 'phone', line: '311' });
    await api().command(`/contacts/${kind}-ANON/end`, as.operator, { outcome: 'handled' });
    api().clock.advance(30 * 24 * 60);
    await api().command(`/contacts/${kind}-RECENT/start`, as.operator, resident('Recent Caller'));
    await api().command(`/contacts/${kind}-RECENT/end`, as.operator, { outcome: 'handled' });

    api().clock.advance(60 * 24 * 60 - 1);
    // (tickets of the test before may fall due meanwhile: only contacts are counted here)
    expect(await scan()).toMatchObject({ contacts: 0, failures: 0 });
    expect(await residentOf(`${kind}-OLD`)).toMatchObject({ name: 'Old Caller' });

    api().clock.advance(2);
    expect(await scan()).toMatchObject({ contacts: 2, failures: 0 });
    expect(await residentOf(`${kind}-OLD`)).toBeUndefined();
    expect(await residentOf(`${kind}-OPEN`)).toBeUndefined();
    expect(await residentOf(`${kind}-RECENT`)).toMatchObject({ name: 'Recent Caller' });
    const erased = await api().request('GET', `/contacts/${kind}-OLD`, { token: as.director });
    expect(erased.body.contact.residentDataErasedAt).toBe(api().clock.now().toISOString());
    expect(await scan()).toEqual({ tickets: 0, contacts: 0, actions: 0, failures: 0 });
  });
});
