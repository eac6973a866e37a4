import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 10: knowledge search's question index, the words of each document's question fields
 * (title and synonyms, then keywords) apart from its answer. The candidate tiers that read only the
 * question fields (`knowledge/knowledge-search.ts`) query it instead of the whole document: an
 * answer is most of a document's words, so a common word's list of documents there was long, and
 * the store read (PostgreSQL) or merged (SQLite) every answer holding it to find a few titles.
 * SQLite: an FTS5 table (prefix indexes of 2 and 3 letters, as migration 7's); PostgreSQL: a narrow
 * table of weighted tsvectors (title and synonyms A, keywords B) with a GIN index, queried without
 * weights so the index answers without reading the rows back. Filled in from the indexed words
 * migration 7 keeps (`f_title`, `f_synonyms`, `f_keywords`); migration 7's index stays for the
 * tier that reads answers too.
 */
export async function addKnowledgeQuestionIndex(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create virtual table rm_kb_question_fts using fts5(f_title, f_synonyms, f_keywords, tokenize = 'unicode61', prefix = '2 3')`.execute(db);
    await sql`insert into rm_kb_question_fts (rowid, f_title, f_synonyms, f_keywords) select doc_id, f_title, f_synonyms, f_keywords from rm_kb_documents`.execute(
      db,
    );
    return;
  }
  await sql`create table rm_kb_question_terms (doc_id bigint primary key, terms tsvector not null)`.execute(db);
  await sql`insert into rm_kb_question_terms (doc_id, terms)
    select doc_id, setweight(to_tsvector('simple', f_title), 'A') || setweight(to_tsvector('simple', f_synonyms), 'A') || setweight(to_tsvector('simple', f_keywords), 'B')
    from rm_kb_documents`.execute(db);
  await sql`create index rm_kb_question_terms_terms on rm_kb_question_terms using gin (terms)`.execute(db);
}
