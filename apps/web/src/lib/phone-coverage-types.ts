/**
 * Phone coverage's wire types (docs/api.md, "Phone coverage"), from the API's OpenAPI document:
 * the roster, who answers a line now, a staff member's availability and the coverage report. The
 * roster commands' bodies are declared here (the roster routes take any JSON object, judged by
 * the roster domain, so the document describes no body), from the roster's own slot types.
 */
import type { AnswerOf, QueryOf } from './api-types';

export type RosterView = AnswerOf<'/departments/{id}/roster', 'get'>;
export type Roster = RosterView['roster'];
export type WeeklySlot = Roster['slots'][number];
export type RosterException = Roster['exceptions'][number];
export type DateSlot = RosterException['extra'][number];

export type LineNow = AnswerOf<'/departments/{id}/phone-coverage/now', 'get'>;
export type LineAnswerer = LineNow['answerers'][number];

export type MyAvailability = AnswerOf<'/staff/me/availability', 'get'>;

export type PhoneCoverageQuery = QueryOf<'/metrics/phone-coverage'>;
export type PhoneCoverageReport = AnswerOf<'/metrics/phone-coverage', 'get'>;
export type CoverageDay = PhoneCoverageReport['days'][number];
export type CoverageGap = CoverageDay['gaps'][number];

/** PUT /departments/{id}/roster: the weekly slots, whole. */
export interface WeeklyRosterBody {
  readonly slots: readonly WeeklySlot[];
}

/** PUT /departments/{id}/roster/exceptions/{date}: how the date differs from the weekly roster. */
export type RosterExceptionBody = Omit<RosterException, 'date'>;
