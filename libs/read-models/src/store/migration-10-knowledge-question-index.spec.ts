import { sql } from 'kysely';
import { KnowledgeSearchIndex, type SearchEntry } from '../knowledge/knowledge-search';
import { createReadStore } from './create-read-store';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const now = new Date('2026-11-03T15:00:00Z');

const entry = (ref: string, title: string, keywords: string[]): SearchEntry => ({
  kind: 'article',
  ref,
  language: 'en',
  title,
  synonyms: [],
  keywords,
  body: 'Answered at the counter.',
  status: 'published',
});

describe.each(READ_STORE_KINDS)('migration 10: the knowledge question index (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('fills the question index in from the documents a store indexed before it', async () => {
    // Given a store that indexed articles as version 9 left it, without the question index
    const url = newUrl();
    const store = await createReadStore(url);
    try {
      const index = new KnowledgeSearchIndex(store);
      await index.replace('article', 'deck-permit', [entry('deck-permit', 'Building permit for a deck', [])]);
      // Enough documents holding the word that the store is asked for its own best ones.
      for (let n = 0; n < 210; n++) await index.replace('article', `licence-${n}`, [entry(`licence-${n}`, `Licence ${n}`, ['permit'])]);
      if (kind === 'sqlite') await sql`drop table rm_kb_question_fts`.execute(store.db);
      else {
        await sql`drop table rm_kb_question_terms`.execute(store.db);
        await sql`drop function rm_kb_best_questions`.execute(store.db);
        await sql`drop function rm_kb_best_documents`.execute(store.db);
      }
      await sql`alter table rm_kb_documents drop column indexed_version`.execute(store.db);
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 10).execute();
    } finally {
      await store.close();
    }

    // When it is opened again, and searched
    const migrated = await createReadStore(url);
    try {
      const search = (query: string) => new KnowledgeSearchIndex(migrated).search(query, { now, limit: 3 });

      // Then the question index holds every document, and they are found by their question fields
      const table = sql.raw(kind === 'sqlite' ? 'rm_kb_question_fts' : 'rm_kb_question_terms');
      expect(Number((await sql<{ n: number | string }>`select count(*) as n from ${table}`.execute(migrated.db)).rows[0].n)).toBe(211);
      if (kind === 'postgres') {
        // and both GIN indexes take inserts at once, with no pending list for searches to read through
        const options = await sql<{ relname: string; reloptions: string[] | null }>`
          select relname, reloptions from pg_class where relnamespace = current_schema()::regnamespace and relname in ('rm_kb_question_terms_terms', 'rm_kb_documents_document') order by relname`.execute(
          migrated.db,
        );
        expect(options.rows).toEqual([
          { relname: 'rm_kb_documents_document', reloptions: ['fastupdate=off'] },
          { relname: 'rm_kb_question_terms_terms', reloptions: ['fastupdate=off'] },
        ]);
      }
      expect((await search('deck')).hits.map((hit) => hit.ref)).toEqual(['deck-permit']);
      expect((await search('permit')).hits[0].ref).toBe('deck-permit');
      expect((await search('licence 17')).hits[0].ref).toBe('licence-17');
    } finally {
      await migrated.close();
    }
  });
});
