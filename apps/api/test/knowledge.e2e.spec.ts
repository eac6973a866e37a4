import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { type ImportedArticle, parseKnowledgeBase } from '@switchboard/knowledge';
import { DEMO_KNOWLEDGE_BASE_PATH } from '../src/config/api-config';
import { importKnowledgeBase } from '../src/knowledge/import-knowledge-base';
import { as, useTestApi } from './api-harness';

const trashDay = {
  ownerDepartment: 'DPW',
  content: {
    translations: {
      en: { title: 'What day is my trash picked up?', answer: 'Trash and recycling are collected once a week; look up your day at https://example.gov/trash.' },
      es: { title: '¿Qué día recogen la basura?', answer: 'La basura se recoge una vez por semana.' },
    },
    callTakerNote: 'Ask for the street address.',
    keywords: ['trash', 'garbage', 'recycling'],
    synonyms: ['trash day', 'garbage day'],
    serviceCodes: [],
    reviewEveryDays: 180,
  },
};

describe('the knowledge base over HTTP', () => {
  const api = useTestApi();

  it('a department head drafts and publishes; call takers find it, residents read its public fields only', async () => {
    const drafted = await api().command('/knowledge/articles/trash-day/draft', as.dpwHead, trashDay);
    expect(drafted.body).toMatchObject({ id: 'trash-day', status: 'draft', events: ['ArticleDrafted'] });
    const published = await api().command('/knowledge/articles/trash-day/publish', as.dpwHead, {});
    expect(published.body).toMatchObject({ status: 'published', revision: 1 });
    const position = published.body.position;

    const search = await api().request('GET', `/knowledge/search?q=garbage%20day&position=${position}`, { token: as.operator });
    expect(search.status).toBe(200);
    expect(search.body.hits[0]).toMatchObject({ kind: 'article', ref: 'trash-day', ownerDepartment: 'DPW', flags: [] });

    const staffView = await api().request('GET', `/knowledge/articles/trash-day?position=${position}`, { token: as.operator });
    expect(staffView.body.article.content.callTakerNote).toBe('Ask for the street address.');
    expect(staffView.body.standing).toMatchObject({ servable: true, flags: [] });

    const publicView = await api().request('GET', '/public/knowledge/articles/trash-day', { token: as.resident });
    expect(publicView.status).toBe(200);
    expect(JSON.stringify(publicView.body)).not.toContain('street address');
    expect(JSON.stringify(publicView.body)).toContain('¿Qué día recogen la basura?');
    expect((await api().request('GET', '/knowledge/search?q=trash', { token: as.resident })).status).toBe(403);
    expect((await api().request('GET', '/public/knowledge/search?q=trash', { token: as.resident })).body.hits[0]).toMatchObject({ ref: 'trash-day' });
  });

  it('refuses in the domain’s words: who may, which field, which action', async () => {
    const byStaff = await api().request('POST', '/knowledge/articles/staff-article/draft', { token: as.dpwStaff, body: trashDay });
    expect(byStaff.status).toBe(403);
    expect(byStaff.body).toMatchObject({ error: 'Forbidden', rule: expect.any(String), whoMay: expect.any(Array) });
    const noTitle = await api().request('POST', '/knowledge/articles/no-title/draft', {
      token: as.dpwHead,
      body: { ...trashDay, content: { ...trashDay.content, translations: { en: { title: '', answer: 'x' } } } },
    });
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.body)).toContain('translations.en.title');
    const unknown = await api().request('POST', '/knowledge/articles/trash-day/frobnicate', { token: as.dpwHead, body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ what: 'route' });
    const notAnObject = await api().request('POST', '/knowledge/articles/trash-day/publish', { token: as.dpwHead, body: [1] });
    expect(notAnObject.status).toBe(400);
    expect((await api().request('GET', '/knowledge/articles/nope', { token: as.operator })).body).toMatchObject({
      error: 'NotFound',
      what: 'article',
      id: 'nope',
    });
  });

  it('imports the demo knowledge base once: a second import writes nothing, and its articles are found', async () => {
    const store = api().app.get<EventStore>(EVENT_STORE);
    const head = async () => {
      for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
      return undefined;
    };
    const first = await importKnowledgeBase(api().app, DEMO_KNOWLEDGE_BASE_PATH);
    expect(first.published).toBeGreaterThanOrEqual(40);
    const after = await head();
    expect(await importKnowledgeBase(api().app, DEMO_KNOWLEDGE_BASE_PATH)).toEqual(first);
    expect(await head()).toBe(after);
    const carTax = await api().request('GET', `/knowledge/search?q=pay%20my%20car%20tax&position=${after}`, { token: as.operator });
    expect(carTax.body.hits.slice(0, 3).map((hit: { ref: string }) => hit.ref)).toContain('excise-tax-bill');

    // Exported as JSON in the import format: the file imports again as the same published articles.
    const exported = await api().request('GET', `/knowledge/export?position=${after}`, { token: as.director });
    expect(exported.status).toBe(200);
    const demo = parseKnowledgeBase(readFileSync(resolve(__dirname, '../../..', DEMO_KNOWLEDGE_BASE_PATH), 'utf8'), 'demo');
    const reimported = parseKnowledgeBase(JSON.stringify(exported.body), 'export');
    const byId = (articles: readonly ImportedArticle[]) => new Map(articles.map((article) => [article.articleId, article]));
    // Every demo article is in it as imported, but trash-day, which the first test wrote before the import (an import keeps it).
    const ours = byId(reimported);
    for (const [id, article] of byId(demo)) expect(ours.get(id)).toEqual(id === 'trash-day' ? expect.objectContaining({ articleId: id }) : article);
    expect((await api().request('GET', '/knowledge/export', { token: as.resident })).status).toBe(403);
  });

  it('lists articles for their owners, stale first, and tells an article’s history field by field, with what the caller may do now', async () => {
    const article = (title: string, reviewEveryDays: number) => ({
      ownerDepartment: 'DPW',
      content: { ...trashDay.content, translations: { en: { title, answer: 'An answer.' } }, reviewEveryDays },
    });
    await api().command('/knowledge/articles/list-fresh/draft', as.dpwHead, article('A fresh answer', 365));
    await api().command('/knowledge/articles/list-fresh/publish', as.dpwHead, {});
    await api().command('/knowledge/articles/list-stale/draft', as.dpwHead, article('Z stale answer', 1));
    await api().command('/knowledge/articles/list-stale/publish', as.dpwHead, {});
    const drafted = await api().command('/knowledge/articles/list-draft/draft', as.dpwHead, article('M draft', 30));
    api().clock.advance(2 * 24 * 60);

    const listed = await api().request('GET', `/knowledge/articles?department=DPW&position=${drafted.body.position}`, { token: as.dpwHead });
    expect(listed.status).toBe(200);
    const ids = listed.body.articles.map((a: { articleId: string }) => a.articleId);
    expect(ids.indexOf('list-stale')).toBeLessThan(ids.indexOf('list-fresh'));
    expect(listed.body.articles.find((a: { articleId: string }) => a.articleId === 'list-stale')).toMatchObject({
      ownerDepartment: 'DPW',
      status: 'published',
      title: 'Z stale answer',
      standing: { flags: ['review_overdue'] },
    });
    const drafts = await api().request('GET', '/knowledge/articles?department=DPW&status=draft', { token: as.operator });
    expect(drafts.body.articles.map((a: { articleId: string }) => a.articleId)).toEqual(['list-draft']);
    expect((await api().request('GET', '/knowledge/articles?status=gone', { token: as.dpwHead })).status).toBe(400);
    expect((await api().request('GET', '/knowledge/articles', { token: as.resident })).status).toBe(403);

    await api().command('/knowledge/articles/list-fresh/revise', as.dpwHead, {
      changes: { translations: { en: { title: 'A fresh answer', answer: 'A better answer.' } } },
    });
    const proposed = await api().command('/knowledge/articles/list-fresh/propose', as.operator, {
      changes: { keywords: ['fresh'] },
      reason: 'callers say fresh',
    });
    const history = await api().request('GET', '/knowledge/articles/list-fresh/history', { token: as.dpwHead });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ articleId: 'list-fresh', revision: proposed.body.revision });
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['ArticleDrafted', 'ArticlePublished', 'ArticleRevised', 'ChangeProposed']);
    expect(history.body.events[1]).toMatchObject({ revision: 1, statusBefore: 'draft', statusAfter: 'published', actor: { role: 'department_head' } });
    expect(history.body.events[2].data.changes).toEqual([{ field: 'translations.en.answer', before: 'An answer.', after: 'A better answer.' }]);
    expect(history.body.allowedActions).toEqual(expect.arrayContaining(['revise', 'review', 'retire', 'propose', 'accept', 'decline']));
    const asOperator = await api().request('GET', '/knowledge/articles/list-fresh/history', { token: as.operator });
    expect(asOperator.body.allowedActions).toEqual(['propose']);
    expect((await api().request('GET', '/knowledge/articles/nothing-here/history', { token: as.dpwHead })).body).toMatchObject({
      error: 'NotFound',
      what: 'article',
    });
  });
});
