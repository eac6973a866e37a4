import { createReadStore } from '../store/create-read-store';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { KnowledgeSearchIndex, type SearchEntry } from './knowledge-search';
import { editDistance, searchTokens } from './search-text';

const now = new Date('2026-11-03T15:00:00Z');

const article = (ref: string, title: string, more: Partial<SearchEntry> = {}): SearchEntry => ({
  kind: 'article',
  ref,
  language: 'en',
  title,
  synonyms: [],
  keywords: [],
  body: '',
  status: 'published',
  ...more,
});

const ENTRIES: SearchEntry[] = [
  article('city-hall-hours', 'When is City Hall open?', {
    synonyms: ['city hall hours', 'opening hours'],
    keywords: ['hours', 'open', 'closed'],
    body: 'City Hall is open Monday to Friday, 8:30 to 4:30.',
    ownerDepartment: '311',
  }),
  article('city-hall-hours', '¿Cuándo abre la alcaldía?', { language: 'es', synonyms: ['horario alcaldía'], body: 'La alcaldía abre de lunes a viernes.' }),
  article('excise-tax', 'Pay my motor vehicle excise tax', {
    synonyms: ['car tax', 'pay car tax'],
    keywords: ['excise', 'tax', 'bill'],
    body: 'Excise bills are mailed in February.',
    ownerDepartment: 'TREASURER',
  }),
  article('recycling-day', 'Which day is my recycling picked up?', { keywords: ['recycling', 'trash', 'pickup'], body: 'Recycling is collected weekly.' }),
  article('polling-place', 'Where do I vote?', {
    synonyms: ['polling place', 'donde voto'],
    keywords: ['vote', 'election'],
    validFrom: '2026-10-01',
    validUntil: '2026-11-04',
  }),
  article('old-parking', 'Residential parking permit renewal 2025', {
    keywords: ['parking', 'permit', 'renewal'],
    status: 'retired',
    reviewDueAt: '2026-01-01T00:00:00Z',
  }),
  {
    kind: 'service',
    ref: 'POTHOLE',
    language: 'en',
    title: 'Pothole',
    synonyms: [],
    keywords: ['road', 'hole', 'street'],
    body: 'A pothole in a city street.',
    status: 'published',
  },
];

describe('search text', () => {
  it('folds accents and case, drops stop words and stems plurals the same way on both sides', () => {
    expect(searchTokens('¿Dónde VOTO?')).toEqual(['voto']);
    expect(searchTokens('parking permits')).toEqual(['parking', 'permit']);
    expect(searchTokens('When is City Hall open?')).toEqual(['city', 'hall', 'open']);
  });

  it('counts one typo as one edit, a swap of neighbours included', () => {
    expect(editDistance('recyling', 'recycling', 2)).toBe(1);
    expect(editDistance('parkign', 'parking', 1)).toBe(1);
    expect(editDistance('tax', 'parking', 1)).toBe(2);
  });
});

describe.each(READ_STORE_KINDS)('knowledge search (%s read store)', (kind) => {
  const { store } = useReadStore(kind);
  const index = () => new KnowledgeSearchIndex(store());
  const load = async () => {
    const byRef = new Map<string, SearchEntry[]>();
    for (const entry of ENTRIES) byRef.set(`${entry.kind}:${entry.ref}`, [...(byRef.get(`${entry.kind}:${entry.ref}`) ?? []), entry]);
    for (const entries of byRef.values()) await index().replace(entries[0].kind, entries[0].ref, entries);
  };
  const top = async (query: string, language?: string) => (await index().search(query, { now, language })).hits.map((hit) => hit.ref);

  it('ranks the article that answers the question first, articles and service types together', async () => {
    await load();
    expect((await top('when is city hall open'))[0]).toBe('city-hall-hours');
    expect((await top('pay my car tax'))[0]).toBe('excise-tax');
    expect((await top('hole in the road'))[0]).toBe('POTHOLE');
    expect((await top('donde voto'))[0]).toBe('polling-place');
  });

  it('matches the beginning of a word, for type-ahead', async () => {
    await load();
    expect((await top('recyc'))[0]).toBe('recycling-day');
    expect((await top('exc'))[0]).toBe('excise-tax');
  });

  it('corrects a misspelt word to the nearest one the index knows, and says what it searched for', async () => {
    await load();
    const answer = await index().search('recyling pikcup', { now });
    expect(answer.searchedFor).toEqual(['recycling', 'pickup']);
    expect(answer.hits[0].ref).toBe('recycling-day');
  });

  it('flags retired, out-of-season and overdue answers instead of serving them silently', async () => {
    await load();
    const parking = (await index().search('parking permit', { now })).hits.find((hit) => hit.ref === 'old-parking');
    expect(parking?.flags).toEqual(['retired', 'review_overdue']);
    const voting = async (today: string) => (await index().search('where do I vote', { now, today })).hits[0];
    expect(await voting('2026-11-03')).toMatchObject({ ref: 'polling-place', flags: [] });
    expect(await voting('2026-11-05')).toMatchObject({ ref: 'polling-place', flags: ['out_of_season'] });
  });

  it('finds one hit per article, in the caller’s language when it has one', async () => {
    await load();
    const answer = await index().search('alcaldía', { now, language: 'es' });
    expect(answer.hits.map((hit) => [hit.ref, hit.language])).toEqual([['city-hall-hours', 'es']]);
  });

  it('replaces and removes what is indexed, and a second index sees the change', async () => {
    await load();
    const other = new KnowledgeSearchIndex(store());
    expect((await other.search('excise', { now })).hits).toHaveLength(1);
    await index().replace('article', 'excise-tax', [article('excise-tax', 'Boat excise', { keywords: ['boat'] })]);
    expect((await other.search('excise', { now })).hits.map((hit) => hit.title)).toEqual(['Boat excise']);
    await index().remove('article', 'excise-tax');
    expect((await other.search('excise', { now })).hits).toEqual([]);
    expect((await other.search('boat', { now })).hits).toEqual([]);
    // The last document indexed, replaced (SQLite gives the new row the id the old one had), and a new word learnt for spelling
    await index().replace('service', 'POTHOLE', [{ ...ENTRIES[ENTRIES.length - 1], title: 'Sinkhole', keywords: [], body: '' }]);
    const together = await Promise.all(['pothole', 'sinkhole', 'sinkhole'].map((query) => other.search(query, { now })));
    expect(together.map(({ hits }) => hits.map((hit) => hit.title))).toEqual([[], ['Sinkhole'], ['Sinkhole']]);
    const sinkhole = await other.search('snikhole', { now });
    expect([sinkhole.searchedFor, sinkhole.hits.map((hit) => hit.title)]).toEqual([['sinkhole'], ['Sinkhole']]);
  });

  it('keeps the best of a match too large to take whole, from the question fields and from the answers', async () => {
    // Given more documents holding "permit" in their keywords and "bring" in their answers than the
    // store hands over unranked (200), and after them the documents that answer best
    await load();
    for (let n = 0; n < 240; n++) {
      await index().replace('article', `licence-${n}`, [article(`licence-${n}`, `Licence ${n}`, { keywords: ['permit'], body: 'Bring your form.' })]);
    }
    await index().replace('article', 'deck-permit', [article('deck-permit', 'Building permit')]);
    await index().replace('article', 'deck-railing', [article('deck-railing', 'Deck railings')]);
    await index().replace('article', 'ferry-pass', [article('ferry-pass', 'Island pass', { body: 'Bring your ferry ticket.' })]);

    // When one word matches them all, a rare word is asked with it, or words only answers hold
    // Then the store's own ranking keeps the best of the match for the ranking here
    expect((await top('permit'))[0]).toBe('deck-permit');
    expect((await top('deck permit')).slice(0, 2)).toEqual(['deck-railing', 'deck-permit']);
    expect((await top('bring ferry'))[0]).toBe('ferry-pass');
  });

  it('answers nothing for words it does not hold, and for only stop words', async () => {
    await load();
    expect(await top('zebra crossing')).toEqual([]);
    expect((await index().search('what is the', { now })).searchedFor).toEqual([]);
  });
});

describe.each(READ_STORE_KINDS)('knowledge search writers (%s read store)', (kind) => {
  const { url } = useReadStore(kind);

  it('lets processes that start together each replace the service types, without a conflict', async () => {
    const stores = await Promise.all([createReadStore(url()), createReadStore(url()), createReadStore(url())]);
    try {
      const services = (n: number) =>
        new Map(
          Array.from({ length: 20 }, (_, i) => [
            `S${i}`,
            [
              {
                kind: 'service' as const,
                ref: `S${i}`,
                language: 'en',
                title: `Service ${i} ${n}`,
                synonyms: [],
                keywords: [],
                body: '',
                status: 'published' as const,
              },
            ],
          ]),
        );
      await Promise.all(stores.map((store, n) => new KnowledgeSearchIndex(store).replaceAll('service', services(n))));
      expect((await new KnowledgeSearchIndex(stores[0]).search('service', { now, limit: 50 })).hits).toHaveLength(20);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
