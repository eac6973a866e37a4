import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleState, parseKnowledgeBase } from '@switchboard/knowledge';
import { parseCatalog } from '@switchboard/ticketing';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { KnowledgeSearchIndex } from './knowledge-search';
import { articleSearchEntries, serviceSearchEntries } from './search-entries';

// The relevance check of the demo knowledge base: every committed resident phrasing must find its
// article among the first three hits, on both read stores, with articles and service types
// searched together as the desk searches them.

const ROOT = join(__dirname, '../../../..');
const catalog = parseCatalog(readFileSync(join(ROOT, 'libs/ticketing/config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');
const articles = parseKnowledgeBase(readFileSync(join(ROOT, 'libs/knowledge/config/demo-knowledge-base.json'), 'utf8'), 'demo-knowledge-base.json', catalog);
const { phrasings } = JSON.parse(readFileSync(join(ROOT, 'libs/knowledge/config/relevance-phrasings.json'), 'utf8')) as {
  phrasings: { phrase: string; language: string; articleId: string }[];
};
const now = new Date('2026-11-03T15:00:00Z');

const published = (article: (typeof articles)[number]): ArticleState => ({
  status: 'published',
  articleId: article.articleId,
  ownerDepartment: article.ownerDepartment,
  content: article.content,
  revision: 1,
  publishedAt: now.toISOString(),
  reviewedAt: now.toISOString(),
  pendingProposals: [],
});

describe.each(READ_STORE_KINDS)('relevance of the demo knowledge base (%s read store)', (kind) => {
  const { store } = useReadStore(kind);

  it(`finds the expected article in the top 3 for each of the ${phrasings.length} committed phrasings`, async () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(40);
    const index = new KnowledgeSearchIndex(store());
    for (const article of articles) await index.replace('article', article.articleId, articleSearchEntries(published(article)));
    for (const service of catalog.services()) await index.replace('service', service.code, serviceSearchEntries(service));

    const misses: string[] = [];
    for (const { phrase, language, articleId } of phrasings) {
      const { hits, searchedFor } = await index.search(phrase, { now, language, limit: 3 });
      if (!hits.some((hit) => hit.kind === 'article' && hit.ref === articleId))
        misses.push(`"${phrase}" (${language}) → [${searchedFor.join(' ')}]: wanted ${articleId}, got ${hits.map((hit) => hit.ref).join(', ') || 'nothing'}`);
    }
    expect(misses).toEqual([]);
  });
});
