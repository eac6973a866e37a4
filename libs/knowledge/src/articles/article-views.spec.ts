import { articleSteps, dogLicenceContent, givenArticle } from '../testing/article-spec';
import { CITY_TIME_ZONE, people } from '../testing/demo-catalog';
import { articleStanding } from './article-standing';
import { articleStream } from './article-stream';
import { publicArticle } from './public-article';
import { searchDocumentOf } from './search-document';

const { draft, publish, retire } = articleSteps;
const seasonal = { ...dogLicenceContent, season: { from: '2026-11-01', until: '2026-11-03' }, reviewEveryDays: 30 };

describe('articleStanding', () => {
  const published = givenArticle(draft(seasonal), publish()).state; // published 2026-11-02T14:02Z

  it('in season and reviewed: servable, no flags', () => {
    expect(articleStanding(published, new Date('2026-11-03T12:00:00Z'), CITY_TIME_ZONE)).toEqual({
      servable: true,
      flags: [],
      reviewDueAt: '2026-12-02T14:02:00.000Z',
    });
  });

  it('seasons are local dates: 23:30 in Boston on the last day is still in season, 00:30 the next day is not', () => {
    expect(articleStanding(published, new Date('2026-11-04T04:30:00Z'), CITY_TIME_ZONE).flags).toEqual([]);
    expect(articleStanding(published, new Date('2026-11-04T05:30:00Z'), CITY_TIME_ZONE)).toMatchObject({ servable: false, flags: ['out_of_season'] });
  });

  it('past the review date it is flagged but still servable; drafts and retired articles are flagged and not servable', () => {
    const later = new Date('2026-12-02T14:03:00Z');
    expect(articleStanding({ ...published, content: dogLicenceContent }, later, CITY_TIME_ZONE)).toMatchObject({ servable: true, flags: [] });
    expect(articleStanding({ ...published, content: { ...dogLicenceContent, reviewEveryDays: 30 } }, later, CITY_TIME_ZONE)).toMatchObject({
      servable: true,
      flags: ['review_overdue'],
    });
    expect(articleStanding(givenArticle(draft()).state, later, CITY_TIME_ZONE)).toMatchObject({ servable: false, flags: ['draft'] });
    expect(articleStanding(givenArticle(draft(), publish(), retire()).state, later, CITY_TIME_ZONE).flags).toContain('retired');
  });
});

describe('publicArticle', () => {
  it('gives published public fields only, never the call-taker note', () => {
    const view = publicArticle(givenArticle(draft(), publish()).state);
    expect(view).toMatchObject({ articleId: 'dog-licence', revision: 1, ownerDepartment: 'CLERK', serviceCodes: ['DOG-LICENSE'] });
    expect(JSON.stringify(view)).not.toContain('rabies');
  });

  it('gives nothing of drafts and retired articles', () => {
    expect(publicArticle(givenArticle(draft()).state)).toBeUndefined();
    expect(publicArticle(givenArticle(draft(), publish(), retire()).state)).toBeUndefined();
  });
});

describe('searchDocumentOf', () => {
  it('one weighted document per language, with the article’s keywords and synonyms in each', () => {
    const docs = searchDocumentOf(givenArticle(draft()).state);
    expect(docs.map((d) => d.language)).toEqual(['en', 'es']);
    expect(docs[1].fields).toEqual([
      { name: 'title', text: '¿Cómo obtengo la licencia de mi perro?', weight: 'A' },
      { name: 'synonyms', text: 'dog tag', weight: 'A' },
      { name: 'keywords', text: 'dog, licence, license', weight: 'B' },
      { name: 'answer', text: 'La Secretaría Municipal emite las licencias para perros.', weight: 'C' },
    ]);
    expect(JSON.stringify(docs)).not.toContain('rabies');
  });
});

describe('articleStream', () => {
  it('names streams article-<id> and reads the id back; other streams are not articles', () => {
    expect(articleStream.streamName('dog-licence')).toBe('article-dog-licence');
    expect(articleStream.idOfStream('article-dog-licence')).toBe('dog-licence');
    expect(articleStream.idOfStream('ticket-K7M-4QX2')).toBeUndefined();
    expect(articleStream.idOfStream('article-')).toBeUndefined();
  });

  it('encodes with the deterministic event id and decodes what it encoded; unknown types are skipped', () => {
    const [event] = givenArticle().when(draft().command, people.clerkHead).then({ type: 'ArticleDrafted' }).events;
    const encoded = articleStream.encode(event);
    expect(encoded.id).toBe(event.metadata.eventId);
    expect(event.metadata).toMatchObject({ commandId: 'cmd-1', commandType: 'DraftArticle', schemaVersion: 1, actor: people.clerkHead });
    expect(articleStream.decode(JSON.parse(JSON.stringify(encoded)))).toEqual(JSON.parse(JSON.stringify(event)));
    expect(articleStream.decode({ type: 'ArticleTranslatedByMachine', data: {} })).toBeUndefined();
  });

  it('the same command decides the same event ids (a retry writes nothing twice)', () => {
    const first = givenArticle().when(draft().command, people.clerkHead).then({ type: 'ArticleDrafted' }).events;
    const again = givenArticle().when(draft().command, people.clerkHead).then({ type: 'ArticleDrafted' }).events;
    expect(again[0].metadata.eventId).toBe(first[0].metadata.eventId);
  });
});
