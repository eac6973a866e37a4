import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import { type ArticleState, articleStream, evolveArticle, initialArticleState } from '@switchboard/knowledge';
import { upsertRows } from '../projection/upsert-rows';
import type { KbArticlesTable, ReadDb } from '../store/read-db';
import type { ReadStore } from '../store/read-store';
import { KnowledgeSearchIndex } from './knowledge-search';
import { articleSearchEntries } from './search-entries';

const ID_CHUNK = 500;

interface ArticleAfterBatch {
  readonly state: ArticleState;
  readonly position: string;
  readonly changed: boolean;
}

/**
 * Applies a batch's article events inside the caller's transaction: each article's state is folded
 * by the article domain's own `evolveArticle` and kept as JSON, and its search entries are replaced
 * (published and retired articles are searchable, drafts not). `last_position` makes a replayed
 * batch change nothing.
 */
export async function applyArticleEvents(trx: Kysely<ReadDb>, store: ReadStore, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.map((event) => articleStream.idOfStream(event.streamName) as string))];
  const articles = await loadArticles(trx, ids);
  for (const recorded of events) {
    const id = articleStream.idOfStream(recorded.streamName) as string;
    const current = articles.get(id);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = articleStream.decode(recorded);
    if (!event) continue;
    articles.set(id, { state: evolveArticle(current?.state ?? initialArticleState, event), position: recorded.globalPosition, changed: true });
  }
  const changed = [...articles.entries()].filter(([, article]) => article.changed);
  const rows: KbArticlesTable[] = changed.map(([id, article]) => ({ article_id: id, state: JSON.stringify(article.state), last_position: article.position }));
  await upsertRows(trx, store.dialect, 'rm_kb_articles', 'article_id', rows);
  const search = new KnowledgeSearchIndex(store);
  for (const [id, article] of changed) await search.replaceIn(trx, 'article', id, articleSearchEntries(article.state));
}

async function loadArticles(trx: Kysely<ReadDb>, ids: readonly string[]): Promise<Map<string, ArticleAfterBatch>> {
  const articles = new Map<string, ArticleAfterBatch>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom('rm_kb_articles')
      .selectAll()
      .where('article_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) articles.set(row.article_id, { state: JSON.parse(row.state) as ArticleState, position: row.last_position, changed: false });
  }
  return articles;
}

/** An article as the read side holds it; undefined when no event of it was projected. */
export async function projectedArticle(db: Kysely<ReadDb>, articleId: string): Promise<ArticleState | undefined> {
  const row = await db.selectFrom('rm_kb_articles').select('state').where('article_id', '=', articleId).executeTakeFirst();
  return row && (JSON.parse(row.state) as ArticleState);
}

/** Every projected article, by id (the knowledge base is thousands of articles at most). */
export async function projectedArticles(db: Kysely<ReadDb>): Promise<ArticleState[]> {
  const rows = await db.selectFrom('rm_kb_articles').select('state').orderBy('article_id').execute();
  return rows.map((row) => JSON.parse(row.state) as ArticleState);
}
