import { activeGeneration, generationTables } from './generation-tables';
import type { ReadStore } from './read-store';

/** Every row of the active generation's tables and its checkpoint, in key order, to compare stores. */
export async function dumpReadModels(readStore: ReadStore): Promise<Record<string, unknown[]>> {
  const generation = await activeGeneration(readStore.db);
  const t = generationTables(generation);
  const normalise = (rows: object[]) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          typeof v === 'number' || v === null || typeof v === 'string'
            ? typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && k.endsWith('_ms')
              ? Number(v)
              : v
            : String(v),
        ]),
      ),
    );
  return {
    tickets: normalise(await readStore.db.selectFrom(t.tickets).selectAll().orderBy('ticket_id').execute()),
    facts: normalise(await readStore.db.selectFrom(t.facts).selectAll().orderBy('ticket_id').execute()),
    queueChanges: normalise(await readStore.db.selectFrom(t.queueChanges).selectAll().orderBy('department').orderBy('position').execute()),
    versions: normalise(await readStore.db.selectFrom(t.versions).selectAll().orderBy('ticket_id').orderBy('position').execute()),
    workStarts: normalise(await readStore.db.selectFrom(t.workStarts).selectAll().orderBy('ticket_id').orderBy('command_id').execute()),
    articles: normalise(await readStore.db.selectFrom('rm_kb_articles').selectAll().orderBy('article_id').execute()),
    contacts: normalise(await readStore.db.selectFrom('rm_contacts').selectAll().orderBy('contact_id').execute()),
    contactSearches: normalise(await readStore.db.selectFrom('rm_contact_searches').selectAll().orderBy('position').execute()),
    checkpoint: normalise(
      await readStore.db.selectFrom('rm_checkpoints').select(['position', 'last_recorded_at']).where('generation', '=', generation).execute(),
    ),
  };
}
