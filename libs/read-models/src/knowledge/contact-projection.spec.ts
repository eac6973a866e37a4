import { InMemoryEventStore } from '@switchboard/event-store';
import { TicketCommandHandler } from '../../../command-handling/src/ticket-command-handler';
import { InMemoryResidentKeyStore } from '../../../command-handling/src/privacy/in-memory-resident-key-store';
import { contactCommandHandler } from '../../../command-handling/src/knowledge/contact-commands';
import { demoCatalog, people } from '../../../knowledge/src/testing/demo-catalog';
import { dumpReadModels, projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { contactMetricsReport, knowledgeGaps } from './contact-metrics';
import { projectedContact, projectedContactsIn } from './contact-projection';

const monday = new Date('2026-11-02T14:00:00Z');
const range = { from: new Date('2026-11-02T05:00:00Z'), to: new Date('2026-11-03T05:00:00Z') };

describe.each(READ_STORE_KINDS)('contacts on the read side (%s read store)', (kind) => {
  const { store: readStore } = useReadStore(kind);
  let store: InMemoryEventStore;
  const keys = new InMemoryResidentKeyStore();
  let minutes = 0;
  const handler = () =>
    contactCommandHandler(
      store,
      demoCatalog,
      () => new Date(monday.getTime() + minutes++ * 60_000),
      async () => true,
      keys,
    );
  const by = { actor: people.operator };
  beforeEach(async () => {
    store = new InMemoryEventStore();
    minutes = 0;
    await handler().execute({ type: 'StartContact', contactId: 'C1', channel: 'phone', line: 'TREASURER' }, { ...by, commandId: 'c1' });
    await handler().execute({ type: 'RecordArticleUsed', contactId: 'C1', articleId: 'excise-tax-bill' }, { ...by, commandId: 'c2' });
    await handler().execute({ type: 'RecordSearch', contactId: 'C1', query: 'Dónde voto', resultCount: 0 }, { ...by, commandId: 'c3' });
    await handler().execute({ type: 'EndContact', contactId: 'C1', outcome: 'handled' }, { ...by, commandId: 'c4' });
    await handler().execute({ type: 'StartContact', contactId: 'C2', channel: 'chat', line: 'CLERK' }, { ...by, commandId: 'c5' });
  });

  it('keeps each contact folded by the contact domain, with its range columns, and the search log with the contact’s line', async () => {
    await projectAll(store, readStore(), demoCatalog, keys);
    expect(await projectedContact(readStore().db, 'C1')).toMatchObject({ status: 'ended', line: 'TREASURER', steps: [{ kind: 'article_used' }] });
    expect((await projectedContactsIn(readStore().db, { ...range, line: 'CLERK' })).map((c) => c.contactId)).toEqual(['C2']);
    const dump = await dumpReadModels(readStore());
    expect(dump.contacts).toMatchObject([
      { contact_id: 'C1', status: 'ended', line: 'TREASURER', channel: 'phone', operator_id: 'op-ana', started_at: '2026-11-02T14:00:00.000Z' },
      { contact_id: 'C2', status: 'open', line: 'CLERK', ended_at: null },
    ]);
    expect(dump.contactSearches).toMatchObject([{ contact_id: 'C1', query: 'Dónde voto', line: 'TREASURER', result_count: 0 }]);
  });

  it('a replay changes nothing; the figures read the projected contacts', async () => {
    await projectAll(store, readStore(), demoCatalog, keys);
    const once = await dumpReadModels(readStore());
    await readStore().writeTransaction((trx) => trx.deleteFrom('rm_checkpoints').execute());
    await projectAll(store, readStore(), demoCatalog, keys);
    const twice = await dumpReadModels(readStore());
    expect({ contacts: twice.contacts, contactSearches: twice.contactSearches }).toEqual({ contacts: once.contacts, contactSearches: once.contactSearches });
    const report = await contactMetricsReport(readStore().db, { ...range, period: 'range', groupBy: 'line', timeZone: 'America/New_York' });
    expect(report.contacts.map((row) => [row.group, row.contacts, row.open])).toEqual([
      ['CLERK', 1, 1],
      ['TREASURER', 1, 0],
    ]);
    expect(report.topArticles).toEqual([{ articleId: 'excise-tax-bill', contacts: 1, uses: 1 }]);
    expect((await knowledgeGaps(readStore().db, range)).map((gap) => [gap.query, gap.count, gap.lines])).toEqual([['donde voto', 1, ['TREASURER']]]);
    expect(await knowledgeGaps(readStore().db, range, { department: 'CLERK' })).toEqual([]);
  });

  it('given a ticket opened at a contact and completed at intake only after the contact ended, when projected, then the contact counts as answered at first contact from then on', async () => {
    const clock = () => new Date(monday.getTime() + minutes++ * 60_000);
    const tickets = new TicketCommandHandler(store, demoCatalog, clock, new InMemoryResidentKeyStore());
    await handler().execute({ type: 'StartContact', contactId: 'C3', channel: 'phone', line: 'DPW' }, { ...by, commandId: 'c6' });
    await tickets.execute(
      {
        type: 'OpenTicket',
        ticketId: 'T-9',
        serviceCode: 'EXEMPTION-INQUIRY',
        description: 'Am I eligible for the senior exemption?',
        channel: 'phone',
        raisedByContact: 'C3',
      },
      { ...by, commandId: 'c7' },
    );
    await handler().execute({ type: 'LinkTicket', contactId: 'C3', ticketId: 'T-9', relation: 'opened' }, { ...by, commandId: 'c8' });
    await handler().execute({ type: 'EndContact', contactId: 'C3', outcome: 'handled' }, { ...by, commandId: 'c9' });
    const options = { ...range, period: 'range' as const, groupBy: 'line' as const, timeZone: 'America/New_York' };
    const dpw = async () => (await contactMetricsReport(readStore().db, options)).firstContact.find((row) => row.group === 'DPW');
    await projectAll(store, readStore(), demoCatalog, keys);
    expect(await dpw()).toMatchObject({ handled: 1, answeredAtFirstContact: 0 });
    await tickets.execute({ type: 'CompleteTicket', ticketId: 'T-9', resolutionCode: 'answered', note: 'Answered on the call' }, { ...by, commandId: 'c10' });
    await projectAll(store, readStore(), demoCatalog, keys);
    expect(await dpw()).toMatchObject({ handled: 1, answeredAtFirstContact: 1 });
  });
});
