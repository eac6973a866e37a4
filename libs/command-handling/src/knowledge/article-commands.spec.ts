import { InMemoryEventStore } from '@switchboard/event-store';
import { KnowledgeSearchIndex } from '@switchboard/read-models';
import { dogLicenceContent } from '../../../knowledge/src/testing/article-spec';
import { demoCatalog, people } from '../../../knowledge/src/testing/demo-catalog';
import { projectAll } from '../../../read-models/src/testing/project';
import { useReadStore } from '../../../read-models/src/testing/test-read-store';
import { CommandRefused, IdempotencyKeyReused, RevisionMismatch } from '../command-errors';
import { articleCommandHandler } from './article-commands';

const now = new Date('2026-11-02T14:00:00Z');

describe('the article command pipeline', () => {
  const { store: readStore } = useReadStore('sqlite');
  let store: InMemoryEventStore;
  const handler = () => articleCommandHandler(store, demoCatalog, () => now);
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  const draft = (commandId = 'c-draft') =>
    handler().execute(
      { type: 'DraftArticle', articleId: 'dog-licence', ownerDepartment: 'CLERK', content: dogLicenceContent },
      { actor: people.clerkHead, commandId },
    );

  it('drafts and publishes through the article domain, answering revision, position and status', async () => {
    expect(await draft()).toMatchObject({ id: 'dog-licence', revision: 0, status: 'draft', events: ['ArticleDrafted'] });
    const published = await handler().execute({ type: 'PublishArticle', articleId: 'dog-licence' }, { actor: people.clerkHead, commandId: 'c-pub' });
    expect(published).toMatchObject({ revision: 1, status: 'published', events: ['ArticlePublished'] });
    expect((await handler().load('dog-licence')).state.status).toBe('published');
  });

  it('answers a retried command id with the first answer and writes nothing; another request under it is refused', async () => {
    const first = await draft();
    expect(await draft()).toEqual(first);
    expect((await handler().load('dog-licence')).steps).toHaveLength(1);
    const other = handler().execute({ type: 'PublishArticle', articleId: 'dog-licence' }, { actor: people.clerkHead, commandId: 'c-draft' });
    await expect(other).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('answers one command id sent to two instances at the same moment once, with the answer the first one recorded', async () => {
    // Two API instances (their own pipelines, clocks a moment apart) run the same command at once:
    // the events get the same ids with another time in them; the one the store refuses answers what the other recorded.
    const instance = (at: Date) => articleCommandHandler(store, demoCatalog, () => at);
    const command = { type: 'DraftArticle', articleId: 'dog-licence', ownerDepartment: 'CLERK', content: dogLicenceContent } as const;
    const answers = await Promise.all([
      instance(now).execute(command, { actor: people.clerkHead, commandId: 'c-both' }),
      instance(new Date(now.getTime() + 7)).execute(command, { actor: people.clerkHead, commandId: 'c-both' }),
    ]);
    expect(answers[1]).toEqual(answers[0]);
    expect((await handler().load('dog-licence')).steps).toHaveLength(1);
  });

  it('refuses what the article rules refuse, in the domain’s words, and a stale revision', async () => {
    await draft();
    const byStaff = handler().execute({ type: 'PublishArticle', articleId: 'dog-licence' }, { actor: people.clerkStaff, commandId: 'c-staff' });
    await expect(byStaff).rejects.toBeInstanceOf(CommandRefused);
    await expect(byStaff).rejects.toMatchObject({ error: { kind: 'Forbidden' } });
    const stale = handler().execute(
      { type: 'PublishArticle', articleId: 'dog-licence' },
      { actor: people.clerkHead, commandId: 'c-stale', expectedRevision: 3 },
    );
    await expect(stale).rejects.toBeInstanceOf(RevisionMismatch);
    await expect(stale).rejects.toThrow('Article dog-licence is at revision 0, not 3');
  });

  it('feeds the search index through the projection: published articles are found, retired ones flagged', async () => {
    await draft();
    const search = () => new KnowledgeSearchIndex(readStore()).search('dog licence', { now });
    await projectAll(store, readStore(), demoCatalog);
    expect((await search()).hits).toEqual([]); // a draft is not served
    await handler().execute({ type: 'PublishArticle', articleId: 'dog-licence' }, { actor: people.clerkHead, commandId: 'c-pub' });
    await projectAll(store, readStore(), demoCatalog);
    expect((await search()).hits[0]).toMatchObject({ kind: 'article', ref: 'dog-licence', flags: [], ownerDepartment: 'CLERK' });
    await handler().execute(
      { type: 'RetireArticle', articleId: 'dog-licence', reason: 'Licensing moved online' },
      { actor: people.clerkHead, commandId: 'c-retire' },
    );
    await projectAll(store, readStore(), demoCatalog);
    expect((await search()).hits[0]).toMatchObject({ ref: 'dog-licence', flags: ['retired'] });
  });
});
