import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 7: the knowledge base's read side: each article's state (`rm_kb_articles`, projected
 * from its events) and the search index (`knowledge/knowledge-search.ts`): one row per language
 * of each article or service type, its words already folded and stemmed; SQLite keeps them in an
 * FTS5 table (prefix indexes of 2 and 3 letters, for type-ahead), PostgreSQL in a weighted tsvector
 * with a GIN index. `rm_kb_version` counts the index's changes, so every process knows when its
 * copy of the vocabulary (spelling correction, word frequencies) is stale.
 */
export async function addKnowledgeSearch(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const id = dialect === 'sqlite' ? sql.raw('doc_id integer primary key') : sql.raw('doc_id bigserial primary key');
  const document = dialect === 'postgres' ? sql.raw(', document tsvector not null') : sql.raw('');
  await sql`create table rm_kb_documents (
    ${id},
    kind text not null,
    ref text not null,
    language text not null,
    title text not null,
    owner_department text,
    status text not null,
    valid_from text,
    valid_until text,
    review_due_at text,
    f_title text not null,
    f_synonyms text not null,
    f_keywords text not null,
    f_answer text not null${document},
    unique (kind, ref, language)
  )`.execute(db);
  if (dialect === 'sqlite') {
    await sql`create virtual table rm_kb_fts using fts5(f_title, f_synonyms, f_keywords, f_answer, tokenize = 'unicode61', prefix = '2 3')`.execute(db);
  } else {
    await sql`create index rm_kb_documents_document on rm_kb_documents using gin (document)`.execute(db);
  }
  await sql`create table rm_kb_version (id integer primary key, version integer not null)`.execute(db);
  // Each article as its events left it (the article domain's state, as JSON), with the position of the last one applied.
  await sql`create table rm_kb_articles (article_id text primary key, state text not null, last_position text not null)`.execute(db);
  await sql`insert into rm_kb_version (id, version) values (1, 0)`.execute(db);
}
