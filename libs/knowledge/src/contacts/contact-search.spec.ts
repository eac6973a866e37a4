import { contactSteps, givenContact } from '../testing/contact-spec';
import { people } from '../testing/demo-catalog';

const { start, end } = contactSteps;
const search = { type: 'RecordSearch', query: '¿Dónde voto?', language: 'es', resultCount: 0 } as const;

describe('a search recorded on a contact (the search log)', () => {
  it('the operator records what was asked and how much it found; the contact itself is unchanged', () => {
    const given = givenContact(start());
    const { state } = given.when(search, people.operator).then({ type: 'KnowledgeSearched', data: { query: '¿Dónde voto?', language: 'es', resultCount: 0 } });
    expect(state.steps).toEqual([]);
    expect(state.status).toBe('open');
  });

  it('only on an open contact, by its operator; the count is a whole number', () => {
    givenContact(start(), end()).when(search, people.operator).thenFails('IllegalTransition', { state: 'ended' });
    givenContact(start()).when(search, people.operator2).thenFails('Forbidden', { rule: 'onlyTheOperatorWhoTookAContactRecordsOnIt' });
    givenContact(start())
      .when({ ...search, resultCount: -1 }, people.operator)
      .thenFails('InvalidCommand', { field: 'resultCount' });
    givenContact(start())
      .when({ ...search, query: 'x'.repeat(201) }, people.operator)
      .thenFails('InvalidCommand', { field: 'query' });
  });
});
