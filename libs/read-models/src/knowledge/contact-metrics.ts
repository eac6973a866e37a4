import type { Kysely } from 'kysely';
import {
  busiestTimes,
  callbackFigures,
  contactCounts,
  type ContactMetricsOptions,
  type ContactState,
  firstContactAnswers,
  handleTimes,
  topArticles,
  transferFigures,
  unansweredSearches,
} from '@switchboard/knowledge';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { projectedContactsIn, unansweredSearchLog } from './contact-projection';

const DAY_MS = 86_400_000;

/** Whose figures: every line and department, or one department's (its line, and the transfers and callbacks to it). */
export interface ContactMetricsScope {
  readonly department?: string;
}

/**
 * The tickets completed at intake among those opened from `from` to a day past `to`: a ticket is
 * opened during the contact that raised it, so a contact started in the range opened its tickets
 * in that window (a contact longer than a day past `to` is the simplification).
 */
async function ticketsCompletedAtIntake(db: Kysely<ReadDb>, from: Date, to: Date): Promise<Set<string>> {
  const { facts } = generationTables(await activeGeneration(db));
  const rows = await db
    .selectFrom(facts)
    .select('ticket_id')
    .where('opened_at', '>=', from.toISOString())
    .where('opened_at', '<', new Date(to.getTime() + DAY_MS).toISOString())
    .where('first_contact_resolution', '=', 1)
    .execute();
  return new Set(rows.map((row) => row.ticket_id));
}

/**
 * The contact figures of docs/metrics.md ("Contacts and questions") over the projected contacts
 * started in the range, each computed by its pure function of `libs/knowledge/src/metrics`. A
 * department's scope keeps the rows of its own line (contacts, first-contact answers, handle time,
 * top articles) and of its own department (transfers and callbacks, whose rates are over every
 * line's contacts, as the figure defines them).
 */
export async function contactMetricsReport(db: Kysely<ReadDb>, options: ContactMetricsOptions, scope: ContactMetricsScope = {}) {
  const all = await projectedContactsIn(db, options);
  const completedAtIntake = await ticketsCompletedAtIntake(db, options.from, options.to);
  const department = scope.department;
  const own: readonly ContactState[] = department === undefined ? all : all.filter((contact) => contact.line === department);
  const ofDepartment = <R extends { group: string }>(rows: R[]) => (department === undefined ? rows : rows.filter((row) => row.group === department));
  return {
    contacts: contactCounts(own, options),
    firstContact: firstContactAnswers(own, completedAtIntake, options),
    handleTimes: handleTimes(own, options),
    transfers: ofDepartment(transferFigures(all, options)),
    callbacks: ofDepartment(callbackFigures(all, options)),
    topArticles: topArticles(own, options),
  };
}

/** When each line is busiest (`busiestTimes`) over the contacts started in the range; a department's scope is its own line. */
export async function contactBusiestTimes(db: Kysely<ReadDb>, range: Omit<ContactMetricsOptions, 'period' | 'groupBy'>, scope: ContactMetricsScope = {}) {
  return busiestTimes(await projectedContactsIn(db, { ...range, line: scope.department }), range);
}

/** What residents asked that the knowledge base does not answer (`unansweredSearches`); a department's scope is searches on its line. */
export async function knowledgeGaps(db: Kysely<ReadDb>, range: { from: Date; to: Date }, scope: ContactMetricsScope = {}, limit?: number) {
  return unansweredSearches(await unansweredSearchLog(db, { ...range, line: scope.department }), range, limit);
}
