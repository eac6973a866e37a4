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
 *
 * Each document also records the version of the index that wrote it (`indexed_version`; 0 for
 * those written before), so a process holding the index's words in memory reads again only the
 * documents written since the version it holds.
 *
 * Both GIN indexes take each insert at once (`fastupdate = off`; migration 7's pending list is
 * merged now): by default GIN queues inserts in a pending list that every search reads through
 * until a vacuum merges it, and a base indexed one article at a time, with autovacuum off or
 * behind, made each search read hundreds of pending pages (p50 1.9 ms to 4 ms at 5,000 articles).
 *
 * PostgreSQL's planner prices a tsquery match on a row as a trifle, so for a common word it scans
 * every row rather than the GIN index, three times slower on the 5,000-article bench. The tiers that
 * ask the store for its best matches (`ts_rank`) call a function of each index that plans its query
 * with sequential scans off (`rm_kb_best_questions`, `rm_kb_best_documents`), on the caller's
 * search path.
 */
export async function addKnowledgeQuestionIndex(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  await sql`alter table rm_kb_documents add column indexed_version integer not null default 0`.execute(db);
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
  await sql`create index rm_kb_question_terms_terms on rm_kb_question_terms using gin (terms) with (fastupdate = off)`.execute(db);
  await sql`alter index rm_kb_documents_document set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('rm_kb_documents_document'::regclass)`.execute(db);
  for (const [name, table, column] of [
    ['rm_kb_best_questions', 'rm_kb_question_terms', 'terms'],
    ['rm_kb_best_documents', 'rm_kb_documents', 'document'],
  ]) {
    await sql`create function ${sql.raw(name)}(query tsquery, most integer) returns setof bigint language sql stable set enable_seqscan = off as ${sql.lit(
      `select doc_id from ${table} where ${column} @@ query order by ts_rank(${column}, query) desc limit most`,
    )}`.execute(db);
  }
}
