import { sql, type Kysely } from 'kysely';
import { createDuplicateSearchIndexes, generationTables } from './generation-tables';
import { hasColumn } from './has-column';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';
import { residentEmailKey, residentPhoneKey } from '../queries/resident-keys';

const CONTACT_CHUNK = 500;

/**
 * Migration 11: what the duplicate search and the resident look-up read by.
 *
 * On every existing generation's tickets table: each ticket's coordinates, its address as compared
 * (`address_key`), digests of the reporting resident's phone and e-mail (never the values), and its
 * count of reports (1 + the AnotherReportRecorded events), with their indexes. Coordinates and
 * contact data are in no column today (the facts' state does not hold them either), so, like
 * migration 6, each such generation is marked in `rm_backfills`: the projection runner fills the
 * place columns in from the log's TicketOpened events before it projects again, and the queries
 * that need them answer that the read models are behind until then. The report count needs no
 * backfill: no event before this version records another report.
 *
 * On `rm_contacts` (not generational): digests of the resident's phone and e-mail, filled here
 * from each contact's state, which holds the resident.
 */
export async function addDuplicateSearch(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const coordinate = dialect === 'postgres' ? 'double precision' : 'real';
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    const { tickets } = generationTables(Number(generation));
    // A store created by this version already has them: migration 1 builds today's tables.
    if (await hasColumn(db, dialect, tickets, 'address_key')) continue;
    for (const column of ['latitude', 'longitude']) await db.schema.alterTable(tickets).addColumn(column, sql.raw(coordinate)).execute();
    for (const column of ['address_key', 'resident_phone_key', 'resident_email_key']) await db.schema.alterTable(tickets).addColumn(column, 'text').execute();
    await db.schema
      .alterTable(tickets)
      .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await createDuplicateSearchIndexes(db, Number(generation));
    await db
      .insertInto('rm_backfills')
      .values({ generation: Number(generation), done_through: null })
      .onConflict((oc) => oc.column('generation').doNothing())
      .execute();
  }
  await db.schema.alterTable('rm_contacts').addColumn('resident_phone_key', 'text').execute();
  await db.schema.alterTable('rm_contacts').addColumn('resident_email_key', 'text').execute();
  await createContactResidentIndexes(db);
  for (let after = ''; ;) {
    const rows = await db
      .selectFrom('rm_contacts')
      .select(['contact_id', 'state'])
      .where('contact_id', '>', after)
      .orderBy('contact_id')
      .limit(CONTACT_CHUNK)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const resident = (JSON.parse(row.state) as { resident?: { phone?: string; email?: string } }).resident;
      if (!resident) continue;
      await db
        .updateTable('rm_contacts')
        .set({ resident_phone_key: residentPhoneKey(resident.phone), resident_email_key: residentEmailKey(resident.email) })
        .where('contact_id', '=', row.contact_id)
        .execute();
    }
    after = rows[rows.length - 1].contact_id;
  }
}

/** The indexes a resident look-up finds contacts through. */
async function createContactResidentIndexes(db: Kysely<ReadDb>): Promise<void> {
  for (const column of ['resident_phone_key', 'resident_email_key'] as const) {
    await db.schema.createIndex(`rm_contacts_${column}`).on('rm_contacts').column(column).where(sql.ref(column), 'is not', null).execute();
  }
}
