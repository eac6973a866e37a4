import { type RawBuilder, sql } from 'kysely';
import type { ReadStore } from '../store/read-store';
import { editDistance, indexedText, searchTokens, typoAllowance } from './search-text';

/** What a search finds: a knowledge-base article, or a service type a resident can request. */
export type SearchKind = 'article' | 'service';

/** Why a hit must not be read out as if it were current. */
export type SearchFlag = 'retired' | 'out_of_season' | 'review_overdue';

/** One language of one article or service type, as the index takes it. */
export interface SearchEntry {
  readonly kind: SearchKind;
  readonly ref: string;
  readonly language: string;
  readonly title: string;
  /** The question as residents ask it, other ways (weighs as much as the title). */
  readonly synonyms: readonly string[];
  readonly keywords: readonly string[];
  /** The answer (an article) or the description (a service type): weighs least. */
  readonly body: string;
  readonly ownerDepartment?: string;
  /** `published` or `retired` (drafts are never indexed); service types are `published`. */
  readonly status: 'published' | 'retired';
  /** Season (ISO dates, inclusive) outside which the answer does not hold. */
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** When the answer is due for review (ISO instant); past it, hits are flagged. */
  readonly reviewDueAt?: string;
}

export interface SearchHit {
  readonly kind: SearchKind;
  readonly ref: string;
  readonly language: string;
  readonly title: string;
  readonly ownerDepartment: string | null;
  readonly score: number;
  /** Empty for a current answer; otherwise each reason it is not (shown, never silently served). */
  readonly flags: readonly SearchFlag[];
}

export interface SearchOptions {
  /** The instant review dates are judged at. */
  readonly now: Date;
  /** The city's date at `now` (ISO, e.g. `2026-11-03`), which seasons are judged by; default the UTC date. */
  readonly today?: string;
  /** The caller's language: documents in it win a tie. */
  readonly language?: string;
  /** At most this many hits (default 10, at most 50). */
  readonly limit?: number;
}

export interface SearchAnswer {
  readonly hits: readonly SearchHit[];
  /** The words searched for after spelling correction, e.g. `recyling` → `recycling`. */
  readonly searchedFor: readonly string[];
}

/** How much each field counts; title and synonyms are the question itself. */
const FIELD_WEIGHTS = { f_title: 1.0, f_synonyms: 1.0, f_keywords: 0.4, f_answer: 0.2 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** A word that only begins a document's word counts for this much of a whole one. */
const PREFIX_CREDIT = 0.75;
/** How many candidates a store hands to the ranking: far more than any page. */
const CANDIDATES = 200;
/** Found this many, the next tier of candidates is not asked for. */
const ENOUGH_CANDIDATES = 50;

interface Tier {
  readonly join: 'and' | 'or';
  readonly questionFieldsOnly: boolean;
}
const TIERS: readonly Tier[] = [
  { join: 'and', questionFieldsOnly: true },
  { join: 'or', questionFieldsOnly: true },
  { join: 'or', questionFieldsOnly: false },
];
/** A tier as a search asks it: whether the store ranks its matches (more than `CANDIDATES`). */
interface PlannedTier {
  readonly tier: Tier;
  readonly ranked: boolean;
}
const MAX_LIMIT = 50;
/** How many times a search asks the store while the index keeps changing under it. */
const MAX_ASKED = 3;
/** The advisory lock key of the index's writers (PostgreSQL): any fixed number of our own. */
const KNOWLEDGE_INDEX_LOCK = 7_311_001;

interface DocumentRow {
  kind: SearchKind;
  ref: string;
  language: string;
  title: string;
  owner_department: string | null;
  status: string;
  valid_from: string | null;
  valid_until: string | null;
  review_due_at: string | null;
}

/** What the index holds in memory of each document besides its words: a hit is made of it. */
const ROW_COLUMNS = 'kind, ref, language, title, owner_department, status, valid_from, valid_until, review_due_at';

interface Vocabulary {
  readonly version: number;
  readonly documents: number;
  /** Each indexed word and in how many documents it stands. */
  readonly frequency: ReadonlyMap<string, number>;
  /** The same, counting only the question fields (title, synonyms, keywords). */
  readonly questionFrequency: ReadonlyMap<string, number>;
  readonly words: readonly string[];
  /** Each document by id: what a hit shows, and its words by field for the ranking (the store only finds the candidates, by id). */
  readonly documentsById: ReadonlyMap<string, IndexedDocument>;
}

interface IndexedDocument {
  readonly row: DocumentRow;
  readonly fields: FieldWords;
  /** Its words, each once, and those of its question fields: what it adds to the document counts. */
  readonly words: readonly string[];
  readonly questionWords: readonly string[];
}

function indexedDocument({ f_title, f_synonyms, f_keywords, f_answer, ...row }: DocumentRow & Record<Field, string>): IndexedDocument {
  const words = (text: string) => new Set(text.split(' ').filter(Boolean));
  const byField: Record<Field, ReadonlySet<string>> = {
    f_title: words(f_title),
    f_synonyms: words(f_synonyms),
    f_keywords: words(f_keywords),
    f_answer: words(f_answer),
  };
  const questionWords = [...new Set([...byField.f_title, ...byField.f_synonyms, ...byField.f_keywords])];
  return {
    row,
    fields: FIELDS.map((field) => [FIELD_WEIGHTS[field], byField[field]] as const),
    words: [...new Set([...questionWords, ...byField.f_answer])],
    questionWords,
  };
}

type FieldWords = readonly (readonly [weight: number, words: ReadonlySet<string>])[];

/**
 * Knowledge search over articles and service types together, on either read store: SQLite's FTS5
 * or PostgreSQL's full-text search finds the candidates (every query word as a prefix), and one
 * ranking here orders them (field weights, inverse document frequency, how many of the words a
 * document holds), so both stores answer the same list. Words are folded, stemmed and stripped of
 * stop words the same way on both sides (`search-text.ts`); a word the index does not know is
 * corrected to the nearest one it does (one typo in 5–7 letters, two from 8).
 */
export class KnowledgeSearchIndex {
  private vocabulary: Vocabulary | undefined;
  private updating: Promise<Vocabulary> | undefined;

  constructor(private readonly store: ReadStore) {}

  /** Replaces what is indexed for each entry's article or service type (all its languages) with the entries given. */
  async replace(kind: SearchKind, ref: string, entries: readonly SearchEntry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.kind !== kind || entry.ref !== ref) throw new Error(`An entry for ${entry.kind} ${entry.ref} was given to replace ${kind} ${ref}.`);
    }
    await this.store.writeTransaction((trx) => this.replaceIn(trx, kind, ref, entries));
  }

  /** `replace` inside the caller's transaction (the projection's batch). */
  async replaceIn(trx: ReadStore['db'], kind: SearchKind, ref: string, entries: readonly SearchEntry[]): Promise<void> {
    await this.lockIndex(trx);
    await this.deleteRows(trx, kind, ref);
    for (const entry of entries) await this.insertRow(trx, entry);
    await sql`update rm_kb_version set version = version + 1 where id = 1`.execute(trx);
  }

  /**
   * Makes the index hold exactly these records of a kind, e.g. the catalog's service types at
   * start-up: each is replaced, and any other of that kind removed, in one transaction.
   */
  async replaceAll(kind: SearchKind, entriesByRef: ReadonlyMap<string, readonly SearchEntry[]>): Promise<void> {
    await this.store.writeTransaction(async (trx) => {
      await this.lockIndex(trx);
      const indexed = await sql<{ ref: string }>`select distinct ref from rm_kb_documents where kind = ${kind}`.execute(trx);
      for (const { ref } of indexed.rows) if (!entriesByRef.has(ref)) await this.deleteRows(trx, kind, ref);
      for (const [ref, entries] of entriesByRef) await this.replaceIn(trx, kind, ref, entries);
    });
  }

  /** Takes an article or service type out of the index. */
  async remove(kind: SearchKind, ref: string): Promise<void> {
    await this.replace(kind, ref, []);
  }

  /**
   * Articles and service types ranked for a resident's words, best first, as the index stands
   * when the search is asked (whatever any process had committed by then). One query of the store
   * finds the candidates and says which version of the index it read; when that is not the version
   * this process holds in memory, the vocabulary is read again and the search asked again on it.
   */
  async search(query: string, options: SearchOptions): Promise<SearchAnswer> {
    const limit = Math.min(Math.max(1, options.limit ?? 10), MAX_LIMIT);
    const tokens = searchTokens(query);
    if (tokens.length === 0) return { hits: [], searchedFor: [] };
    let vocabulary = this.vocabulary ?? (await this.vocabularyOf(0));
    for (let asked = 1; ; asked++) {
      const searchedFor = [...new Set(tokens.map((token) => corrected(token, vocabulary)))];
      const { version, ids } = await this.candidates(searchedFor, vocabulary);
      // Asked again on a vocabulary at least as new as the first query's, the answer holds every write
      // committed before the search; a third time only while writes keep coming in between.
      if (version === vocabulary.version || asked === MAX_ASKED) return { hits: ranked(ids, searchedFor, vocabulary, options, limit), searchedFor };
      vocabulary = await this.vocabularyOf(version);
    }
  }

  /**
   * Reads the index's words into memory now (an API instance does it at start), so the first
   * search after a start does not pay for reading every document; later changes are read as
   * searches find them, as ever.
   */
  async warm(): Promise<void> {
    if (!this.vocabulary) await this.vocabularyOf(0);
  }

  /**
   * The vocabulary at `version` or later: the update under way when it will reach that far (so
   * searches that find the index changed together read it once), else a new update.
   */
  private async vocabularyOf(version: number): Promise<Vocabulary> {
    const underWay = this.updating;
    if (underWay) {
      const vocabulary = await underWay;
      if (vocabulary.version >= version) return vocabulary;
    }
    if (this.updating && this.updating !== underWay) return this.vocabularyOf(version);
    const updating = this.readVocabulary();
    this.updating = updating;
    try {
      return await updating;
    } finally {
      if (this.updating === updating) this.updating = undefined;
    }
  }

  /**
   * The ids of the documents worth ranking, in tiers, with the version of the index they were read
   * at, all from one snapshot (on PostgreSQL in one query: a round trip is most of a search's time
   * on a busy host): every word in the question fields (title, synonyms, keywords), then any word there, both from
   * the question index (migration 10), then any word anywhere (the answer too) from the
   * whole-document index. A later tier runs only while the earlier ones found fewer than
   * `ENOUGH_CANDIDATES`, so a common word does not make the store rank thousands of answers; a tier
   * that would ask the same as the one before (a one-word question), or that comes after one the
   * vocabulary says finds enough, is left out.
   */
  private async candidates(words: readonly string[], vocabulary: Vocabulary): Promise<{ version: number; ids: string[] }> {
    const tiers: PlannedTier[] = [];
    for (const tier of TIERS) {
      if (tier.join === 'or' && tier.questionFieldsOnly && words.length === 1) continue;
      const { most, least } = matchBounds(words, tier, vocabulary);
      tiers.push({ tier, ranked: most > CANDIDATES });
      // Sure to find enough, the tiers after it would never run: they are not asked at all.
      if (least >= ENOUGH_CANDIDATES) break;
    }
    return this.store.dialect === 'postgres' ? this.tiersInOneQuery(words, tiers) : this.tiersInOneReadTransaction(words, tiers);
  }

  /**
   * PostgreSQL: every tier in one statement (one snapshot, one round trip), each after the first
   * gated on those before it having found fewer than `ENOUGH_CANDIDATES`: the gate is an init plan
   * that stops the tier's scan from running at all.
   */
  private async tiersInOneQuery(words: readonly string[], tiers: readonly PlannedTier[]): Promise<{ version: number; ids: string[] }> {
    const name = (i: number) => sql.raw(`t${i}`);
    const found = (before: number) =>
      sql.join(
        Array.from({ length: before }, (_, i) => sql`select doc_id from ${name(i)}`),
        sql` union `,
      );
    const steps = tiers.map(({ tier, ranked }, i) => {
      const due = i === 0 ? sql`` : sql`(select count(*) from (${found(i)}) found) < ${sql.lit(ENOUGH_CANDIDATES)} and`;
      return sql`${name(i)} as (${this.tierQuery(words, tier, ranked, due)})`;
    });
    const result = await sql<{ tier: number; id: number | string }>`
      with ${sql.join(steps)}
      select 0 as tier, version as id from rm_kb_version where id = 1
      ${sql.join(
        tiers.map((_, i) => sql`union all select ${sql.lit(i + 1)} as tier, doc_id as id from ${name(i)}`),
        sql` `,
      )}`.execute(this.store.db);
    const version = Number(result.rows.find((row) => Number(row.tier) === 0)?.id ?? 0);
    return { version, ids: result.rows.filter((row) => Number(row.tier) !== 0).map((row) => String(row.id)) };
  }

  /**
   * SQLite: the tiers one statement after another, in one read transaction (one snapshot), stopping
   * once enough are found. A statement costs no round trip here, and SQLite would run a gated
   * tier's full-text query before looking at the gate.
   */
  private tiersInOneReadTransaction(words: readonly string[], tiers: readonly PlannedTier[]): Promise<{ version: number; ids: string[] }> {
    return this.store.db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      try {
        const version = Number((await sql<{ version: number }>`select version from rm_kb_version where id = 1`.execute(connection)).rows[0]?.version ?? 0);
        const found = new Set<string>();
        for (const { tier, ranked } of tiers) {
          for (const row of (await this.tierQuery(words, tier, ranked, sql``).execute(connection)).rows as { doc_id: number }[]) found.add(String(row.doc_id));
          if (found.size >= ENOUGH_CANDIDATES) break;
        }
        return { version, ids: [...found] };
      } finally {
        await sql`commit`.execute(connection);
      }
    });
  }

  /**
   * One tier's query. Most questions match fewer documents than `CANDIDATES`: those are all taken
   * without asking the store to rank them (the ranking here orders them anyway); a larger match
   * asks for the store's own ranking (bm25, ts_rank), to keep its best. Which of the two it is, the
   * vocabulary says before asking (`matchBounds`): past that bound the store ranks, even when fewer
   * match after all. `due` is the condition on the tiers before it.
   */
  private tierQuery(words: readonly string[], tier: Tier, ranked: boolean, due: RawBuilder<unknown>): RawBuilder<unknown> {
    const limit = sql.lit(CANDIDATES);
    if (this.store.dialect === 'sqlite') {
      const match = words.map((word, i) => `"${word}"${asPrefix(words, i) ? '*' : ''}`).join(tier.join === 'and' ? ' AND ' : ' OR ');
      const table = sql.raw(tier.questionFieldsOnly ? 'rm_kb_question_fts' : 'rm_kb_fts');
      const order = ranked ? sql`order by bm25(${table}, ${sql.raw(tier.questionFieldsOnly ? '1.0, 1.0, 0.4' : '1.0, 1.0, 0.4, 0.2')})` : sql``;
      return sql`select rowid as doc_id from ${table} where ${due} ${table} match ${match} ${order} limit ${limit}`;
    }
    const query = words.map((word, i) => (asPrefix(words, i) ? `${word}:*` : word)).join(tier.join === 'and' ? ' & ' : ' | ');
    // The question index weighs title and synonyms A, keywords B; the whole document adds its answer as C.
    const [table, column, best] = tier.questionFieldsOnly
      ? ['rm_kb_question_terms', 'terms', 'rm_kb_best_questions']
      : ['rm_kb_documents', 'document', 'rm_kb_best_documents'];
    // Ranked, through the index's function (migration 10), which keeps the planner on the GIN index.
    if (ranked) return sql`select doc_id from ${sql.raw(best)}(to_tsquery('simple', ${query}), ${limit}) as doc_id where ${due} true`;
    return sql`select doc_id from ${sql.table(table)} where ${due} ${sql.ref(column)} @@ to_tsquery('simple', ${query}) limit ${limit}`;
  }

  /**
   * The indexed documents, their words and the words' document counts, as of one version of the
   * index: read whole at the first search, then brought up to date when a search finds the index
   * changed (by any process). An update reads every document's id but the text of only those
   * written since the version held (`indexed_version`, migration 10), so a change to one article
   * costs each process milliseconds, not a reading of the whole index. Each update makes a new
   * vocabulary: a search under way keeps the one it began with.
   */
  private async readVocabulary(): Promise<Vocabulary> {
    const known = this.vocabulary;
    const since = known?.version ?? -1;
    const columns = [...ROW_COLUMNS.split(', '), ...FIELDS];
    const ids = this.store.dialect === 'sqlite' ? sql`group_concat(doc_id)` : sql`string_agg(doc_id::text, ',')`;
    // One statement, one snapshot: the version, every document's id, and the documents written since `since`.
    const rows = (
      await sql<{ version: number | string | null; ids: string | null; doc_id: number | string | null } & DocumentRow & Record<Field, string>>`
        select (select version from rm_kb_version where id = 1) as version, ${ids} as ids, null as doc_id, ${sql.join(columns.map((column) => sql`null as ${sql.ref(column)}`))}
        from rm_kb_documents
        union all
        select null, null, doc_id, ${sql.join(columns.map((column) => sql.ref(column)))} from rm_kb_documents where indexed_version > ${since}`.execute(
        this.store.db,
      )
    ).rows;
    const [head, ...written] = rows;
    const version = Number(head.version ?? 0);
    const fresh = new Map(written.map((row) => [String(row.doc_id), row]));
    const frequency = new Map(known?.frequency);
    const questionFrequency = new Map(known?.questionFrequency);
    let wordsChanged = known === undefined;
    const tally = (counts: Map<string, number>, words: readonly string[], by: 1 | -1) => {
      for (const word of words) {
        const count = (counts.get(word) ?? 0) + by;
        if (count > 0) counts.set(word, count);
        else counts.delete(word);
        if (count === 0 || (by === 1 && count === 1)) wordsChanged = true;
      }
    };
    const documentsById = new Map<string, IndexedDocument>();
    for (const id of head.ids?.split(',') ?? []) {
      const row = fresh.get(id);
      const held = known?.documentsById.get(id);
      if (!row && held) {
        documentsById.set(id, held);
        continue;
      }
      if (!row) throw new Error(`Knowledge search index: document ${id} was written before version ${since} but not read then.`);
      const document = indexedDocument(row);
      documentsById.set(id, document);
      tally(frequency, document.words, 1);
      tally(questionFrequency, document.questionWords, 1);
    }
    for (const [id, held] of known?.documentsById ?? []) {
      if (documentsById.get(id) === held) continue;
      tally(frequency, held.words, -1);
      tally(questionFrequency, held.questionWords, -1);
    }
    const words = wordsChanged || !known ? [...frequency.keys()].sort() : known.words;
    this.vocabulary = { version, documents: documentsById.size, frequency, questionFrequency, words, documentsById };
    return this.vocabulary;
  }

  /**
   * Serialises writers of the index until their transaction ends: two API instances starting
   * together both replace the catalog's service types, and under PostgreSQL's read committed both
   * would delete nothing and then insert the same rows. SQLite's write transactions are serial already.
   */
  private async lockIndex(trx: ReadStore['db']): Promise<void> {
    if (this.store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${KNOWLEDGE_INDEX_LOCK})`.execute(trx);
  }

  private async deleteRows(trx: ReadStore['db'], kind: SearchKind, ref: string): Promise<void> {
    const ids = sql`(select doc_id from rm_kb_documents where kind = ${kind} and ref = ${ref})`;
    if (this.store.dialect === 'sqlite') {
      await sql`delete from rm_kb_fts where rowid in ${ids}`.execute(trx);
      await sql`delete from rm_kb_question_fts where rowid in ${ids}`.execute(trx);
    } else {
      await sql`delete from rm_kb_question_terms where doc_id in ${ids}`.execute(trx);
    }
    await sql`delete from rm_kb_documents where kind = ${kind} and ref = ${ref}`.execute(trx);
  }

  private async insertRow(trx: ReadStore['db'], entry: SearchEntry): Promise<void> {
    const fields = {
      f_title: indexedText(entry.title),
      f_synonyms: indexedText(entry.synonyms.join(' ; ')),
      f_keywords: indexedText(entry.keywords.join(' ; ')),
      f_answer: indexedText(entry.body),
    };
    const values = sql.join([
      sql`${entry.kind}`,
      sql`${entry.ref}`,
      sql`${entry.language}`,
      sql`${entry.title}`,
      sql`${entry.ownerDepartment ?? null}`,
      sql`${entry.status}`,
      sql`${entry.validFrom ?? null}`,
      sql`${entry.validUntil ?? null}`,
      sql`${entry.reviewDueAt ?? null}`,
      sql`${fields.f_title}`,
      sql`${fields.f_synonyms}`,
      sql`${fields.f_keywords}`,
      sql`${fields.f_answer}`,
      // The version this replacement makes (the counter is moved on when the replacement ends).
      sql`(select version + 1 from rm_kb_version where id = 1)`,
    ]);
    const columns = sql.raw(
      'kind, ref, language, title, owner_department, status, valid_from, valid_until, review_due_at, f_title, f_synonyms, f_keywords, f_answer, indexed_version',
    );
    if (this.store.dialect === 'sqlite') {
      const inserted = await sql<{ doc_id: number }>`insert into rm_kb_documents (${columns}) values (${values}) returning doc_id`.execute(trx);
      const id = inserted.rows[0].doc_id;
      await sql`insert into rm_kb_fts (rowid, f_title, f_synonyms, f_keywords, f_answer) values (${id}, ${fields.f_title}, ${fields.f_synonyms}, ${fields.f_keywords}, ${fields.f_answer})`.execute(
        trx,
      );
      await sql`insert into rm_kb_question_fts (rowid, f_title, f_synonyms, f_keywords) values (${id}, ${fields.f_title}, ${fields.f_synonyms}, ${fields.f_keywords})`.execute(
        trx,
      );
      return;
    }
    const question = sql`setweight(to_tsvector('simple', ${fields.f_title}), 'A') || setweight(to_tsvector('simple', ${fields.f_synonyms}), 'A') ||
      setweight(to_tsvector('simple', ${fields.f_keywords}), 'B')`;
    const inserted = await sql<{ doc_id: number | string }>`insert into rm_kb_documents (${columns}, document) values (${values},
      ${question} || setweight(to_tsvector('simple', ${fields.f_answer}), 'C')) returning doc_id`.execute(trx);
    await sql`insert into rm_kb_question_terms (doc_id, terms) values (${inserted.rows[0].doc_id}, ${question})`.execute(trx);
  }
}

/** The candidates' hits, the best `limit`: one per article or service type, in the caller's language on a tie. */
function ranked(ids: readonly string[], words: readonly string[], vocabulary: Vocabulary, options: SearchOptions, limit: number): SearchHit[] {
  const terms = termsOf(words, vocabulary);
  const best = new Map<string, { row: DocumentRow; score: number }>();
  for (const id of ids) {
    // A document written after the vocabulary was read is after this search's version of the index.
    const document = vocabulary.documentsById.get(id);
    if (!document) continue;
    const { row, fields } = document;
    const score = Math.round(scoreOf(fields, terms) * (options.language !== undefined && row.language === options.language ? 1.05 : 1) * 1000) / 1000;
    if (score <= 0) continue;
    const key = `${row.kind}\u0000${row.ref}`;
    const seen = best.get(key);
    // Whatever order the store gave them in, the same language wins a tie on both stores.
    if (seen && (seen.score > score || (seen.score === score && seen.row.language <= row.language))) continue;
    best.set(key, { row, score });
  }
  const now = options.now.toISOString();
  const today = options.today ?? now.slice(0, 10);
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.row.title.length - b.row.title.length || a.row.ref.localeCompare(b.row.ref))
    .slice(0, limit)
    .map(({ row, score }) => ({
      kind: row.kind,
      ref: row.ref,
      language: row.language,
      title: row.title,
      ownerDepartment: row.owner_department,
      score,
      flags: flagsOf(row, now, today),
    }));
}

/**
 * Whether a query word is matched as the beginning of indexed words: the last word, which type-ahead
 * is still typing (from 3 letters, or whatever there is when it is the only word). The words before
 * it are whole and match whole (stemmed) words, so a common beginning does not make the store merge
 * the postings of hundreds of words.
 */
const asPrefix = (words: readonly string[], index: number): boolean => index === words.length - 1 && (words[index].length >= 3 || words.length === 1);

/**
 * At most and at least how many documents a tier matches, from the words' document counts in the
 * tier's fields. At most: for every word, the fewest of any word's; for any word, their sum. At
 * least: for any word (or the only one), the most of any word's; for every word of several, none.
 * A word matched as a beginning stands for every indexed word it begins.
 */
function matchBounds(words: readonly string[], tier: Tier, vocabulary: Vocabulary): { most: number; least: number } {
  const frequency = tier.questionFieldsOnly ? vocabulary.questionFrequency : vocabulary.frequency;
  const counts = words.map((word, i) => {
    if (!asPrefix(words, i)) {
      const count = frequency.get(word) ?? 0;
      return { most: count, least: count };
    }
    let most = 0;
    let least = 0;
    for (let at = firstAtOrAfter(word, vocabulary.words); at < vocabulary.words.length && vocabulary.words[at].startsWith(word); at++) {
      const count = frequency.get(vocabulary.words[at]) ?? 0;
      most += count;
      least = Math.max(least, count);
    }
    return { most, least };
  });
  if (tier.join === 'and' && words.length > 1) return { most: Math.min(...counts.map(({ most }) => most)), least: 0 };
  return { most: counts.reduce((sum, { most }) => sum + most, 0), least: Math.max(...counts.map(({ least }) => least)) };
}

/** A query word as the index knows it: itself when some indexed word is it or begins with it, else the nearest indexed word within the typo allowance. */
function corrected(word: string, vocabulary: Vocabulary): string {
  if (vocabulary.frequency.has(word) || beginsSome(word, vocabulary.words)) return word;
  const allowance = typoAllowance(word);
  let best: { word: string; distance: number; frequency: number } | undefined;
  for (const known of vocabulary.words) {
    // A typo seldom falls on both of the first two letters: checking only those words keeps the scan short.
    if (Math.abs(known.length - word.length) > allowance || (known[0] !== word[0] && known[1] !== word[1])) continue;
    const distance = editDistance(word, known, allowance);
    if (distance > allowance) continue;
    const frequency = vocabulary.frequency.get(known) ?? 0;
    if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency)) best = { word: known, distance, frequency };
  }
  return best?.word ?? word;
}

function beginsAny(prefix: string, words: ReadonlySet<string>): boolean {
  for (const word of words) if (word.startsWith(prefix)) return true;
  return false;
}

/** Whether an indexed word begins with `prefix` (the words are sorted: one binary search). */
function beginsSome(prefix: string, words: readonly string[]): boolean {
  const at = firstAtOrAfter(prefix, words);
  return at < words.length && words[at].startsWith(prefix);
}

/** Where `word` is, or would be, in the sorted words. */
function firstAtOrAfter(word: string, words: readonly string[]): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid] < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A searched word with what scoring it needs: whether it counts as a beginning (as the store matched it) and its inverse document frequency. */
interface Term {
  readonly word: string;
  readonly prefix: boolean;
  readonly idf: number;
}

const termsOf = (words: readonly string[], vocabulary: Vocabulary): Term[] =>
  words.map((word, i) => ({ word, prefix: asPrefix(words, i), idf: Math.log(1 + vocabulary.documents / (vocabulary.frequency.get(word) ?? 1)) }));

/**
 * How well a document answers the words: Σ idf × the best field's weight (whole word, or its
 * beginning for the word matched as one), times the share of words it holds, squared.
 */
function scoreOf(fields: FieldWords, terms: readonly Term[]): number {
  let sum = 0;
  let held = 0;
  for (const { word, prefix, idf } of terms) {
    let best = 0;
    for (const [weight, tokens] of fields) {
      if (weight <= best) continue;
      const credit = tokens.has(word) ? 1 : prefix && beginsAny(word, tokens) ? PREFIX_CREDIT : 0;
      best = Math.max(best, credit * weight);
    }
    if (best === 0) continue;
    held += 1;
    sum += best * idf;
  }
  return sum * (held / terms.length) ** 2;
}

function flagsOf(row: DocumentRow, now: string, today: string): SearchFlag[] {
  const flags: SearchFlag[] = [];
  if (row.status === 'retired') flags.push('retired');
  if ((row.valid_from !== null && today < row.valid_from) || (row.valid_until !== null && today > row.valid_until)) flags.push('out_of_season');
  if (row.review_due_at !== null && row.review_due_at < now) flags.push('review_overdue');
  return flags;
}
