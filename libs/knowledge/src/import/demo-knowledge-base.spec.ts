import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideArticle } from '../articles/decide-article';
import { foldArticle } from '../articles/evolve-article';
import { initialArticleState } from '../articles/article-state';
import { searchDocumentOf } from '../articles/search-document';
import { normaliseQuery } from '../metrics/search-gaps';
import { demoCatalog } from '../testing/demo-catalog';
import { parseKnowledgeBase } from './parse-knowledge-base';

const CONFIG = join(__dirname, '../../config');
const read = (file: string) => readFileSync(join(CONFIG, file), 'utf8');
const articles = parseKnowledgeBase(read('demo-knowledge-base.json'), 'demo-knowledge-base.json', demoCatalog);
const phrasings = (JSON.parse(read('relevance-phrasings.json')) as { phrasings: { phrase: string; language: string; articleId: string }[] }).phrasings;

describe('the demo knowledge base', () => {
  it('parses against the demo catalog: owner departments, transfer departments and linked service codes all exist', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
  });

  it('has at least 10 articles also in Spanish, and every department that answers residents owns some', () => {
    expect(articles.filter((a) => a.content.translations.es).length).toBeGreaterThanOrEqual(10);
    const owners = new Set(articles.map((a) => a.ownerDepartment));
    for (const department of ['311', 'CLERK', 'DPW', 'TREASURER', 'ASSESSING', 'PARKING', 'ISD', 'VETERANS']) expect(owners).toContain(department);
  });

  it('covers the questions residents ask most', () => {
    const ids = articles.map((a) => a.articleId);
    for (const topic of [
      'city-hall',
      'trash',
      'bulk',
      'property-tax',
      'excise',
      'parking-permit',
      'parking-ticket',
      'vot',
      'polling',
      'dog',
      'birth',
      'building-permit',
      'snow',
      'street-cleaning',
      'water-bill',
      'veterans',
    ]) {
      expect(ids.some((id) => id.includes(topic))).toBe(true);
    }
  });

  it('every article is one the domain accepts: drafted and published by its owner department’s head', () => {
    for (const [index, { articleId, ownerDepartment, content }] of articles.entries()) {
      const head = { id: `head-${ownerDepartment}`, role: 'department_head' as const, department: ownerDepartment };
      const ctx = (n: number) => ({ now: new Date('2026-11-02T14:00:00Z'), actor: head, commandId: `import-${index}-${n}`, catalog: demoCatalog });
      const drafted = decideArticle({ type: 'DraftArticle', articleId, ownerDepartment, content }, initialArticleState, ctx(0));
      if (!drafted.ok) throw new Error(`${articleId}: ${drafted.error.message}`);
      const published = decideArticle({ type: 'PublishArticle', articleId }, foldArticle(drafted.events), ctx(1));
      expect(published.ok).toBe(true);
    }
  });

  it('never puts a call-taker note into what search indexes', () => {
    for (const article of articles.filter((a) => a.content.callTakerNote)) {
      expect(JSON.stringify(searchDocumentOf({ articleId: article.articleId, content: article.content }))).not.toContain(article.content.callTakerNote);
    }
  });
});

describe('the relevance phrasings', () => {
  const byId = new Map(articles.map((a) => [a.articleId, a]));
  const words = (text: string) => normaliseQuery(text).split(' ').filter(Boolean);

  it('are at least 40, in English and Spanish, none repeated', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(40);
    expect(new Set(phrasings.map((p) => normaliseQuery(p.phrase))).size).toBe(phrasings.length);
    expect(phrasings.filter((p) => p.language === 'es').length).toBeGreaterThanOrEqual(10);
  });

  it('each names an article of the demo knowledge base', () => {
    expect(phrasings.filter((p) => !byId.has(p.articleId))).toEqual([]);
  });

  it('each shares a word, or the first four letters of a longer one (type-ahead, misspellings), with what its article indexes', () => {
    const unmatched = phrasings.filter(({ phrase, articleId }) => {
      const indexed = searchDocumentOf({ articleId, content: byId.get(articleId)!.content }).flatMap((doc) => doc.fields.flatMap((f) => words(f.text)));
      return !words(phrase).some((word) => indexed.includes(word) || (word.length >= 4 && indexed.some((term) => term.startsWith(word.slice(0, 4)))));
    });
    expect(unmatched).toEqual([]);
  });
});
