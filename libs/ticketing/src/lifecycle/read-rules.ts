import type { Actor, Role } from '../model/actor';
import type { TicketState } from '../model/ticket-state';
import { responsibleDepartment } from './policy-rules';

/** Who may read: a role, and for department roles the department (`undefined` where any department's member may). */
export interface ReadPermission {
  readonly role: Role;
  readonly department?: string;
}

/** How a completion report is grouped (the read side's `GroupBy`). */
export type CompletionGrouping = 'department' | 'service' | 'channel';

/** What each read rule is asked about. */
export interface ReadSubjects {
  readonly residentsUseOpen311: Record<string, never>;
  readonly aQueueIsReadByItsDepartment311AndTheDirector: { readonly department: string };
  readonly theIntakeQueueIsFor311AndTheDirector: Record<string, never>;
  readonly onlyTheDepartmentClaimsFromItsQueue: { readonly department: string };
  readonly completionMetricsAreForTheDirectorAndDepartmentHeads: { readonly groupBy: CompletionGrouping };
  readonly escalationsAreForTheDirectorAndDepartmentHeads: { readonly department?: string };
  readonly contactMetricsAreForTheDirectorAndDepartmentHeads: Record<string, never>;
  /** A contact's line and the departments it was transferred or promised a callback to. */
  readonly aContactIsFor311TheDirectorAndTheDepartmentsItInvolves: { readonly departments: readonly string[] };
  readonly residentContactIsFor311TheDirectorAndTheTicketsDepartment: { readonly ticket: TicketState };
  readonly aPhoneLineIsFor311TheDirectorAndItsDepartment: { readonly department: string };
  readonly phoneCoverageReportsAreForTheDirectorAndDepartmentHeads: { readonly department?: string };
  readonly aResidentIsLookedUpBy311AndTheDirector: Record<string, never>;
  readonly residentLookUpsAreAuditedByTheDirector: Record<string, never>;
  readonly theLogsCheckpointsAreForTheDirector: Record<string, never>;
  readonly webhookSubscriptionsAreTheDirectors: Record<string, never>;
}

export type ReadRuleName = keyof ReadSubjects;

interface ReadRule<S> {
  readonly check: (actor: Actor, subject: S) => boolean;
  readonly whoMay: (actor: Actor, subject: S) => readonly ReadPermission[];
  /** Why the caller is refused, in words; the rule name and who-may go with it. */
  readonly refusal: (actor: Actor, subject: S) => string;
}

const is = (actor: Actor, ...roles: Role[]) => roles.includes(actor.role);
const memberOf = (actor: Actor, department: string | undefined) =>
  is(actor, 'staff', 'department_head') && department !== undefined && actor.department === department;
const headOf = (actor: Actor): string | undefined => (actor.role === 'department_head' ? actor.department : undefined);
const members = (department: string | undefined): ReadPermission[] => [
  { role: 'staff', department },
  { role: 'department_head', department },
];

/**
 * Who-may rules for reading, beside the command rules of `policy-rules.ts`: one named rule per
 * kind of read, each with its check, its who-may table and its refusal in words. The API enforces
 * them (a refusal is a 403 naming the rule), `/me` and queue entries report them, and the console
 * only shows what they allow.
 */
export const READ_RULES: { readonly [N in ReadRuleName]: ReadRule<ReadSubjects[N]> } = {
  // Resident tokens are the Open311 api_keys of third-party apps: they see what Open311 shows.
  residentsUseOpen311: {
    check: (actor) => !is(actor, 'resident'),
    whoMay: () => [{ role: 'operator' }, { role: 'staff' }, { role: 'department_head' }, { role: 'director' }],
    refusal: () => 'Resident tokens see what Open311 shows (public fields and public notes); this route is for city staff. Use the Open311 endpoint.',
  },
  aQueueIsReadByItsDepartment311AndTheDirector: {
    check: (actor, { department }) => memberOf(actor, department) || is(actor, 'operator', 'director'),
    whoMay: (_actor, { department }) => [...members(department), { role: 'operator' }, { role: 'director' }],
    refusal: (_actor, { department }) => `Only ${department} staff, 311 operators and the director may read the ${department} queue.`,
  },
  // Tickets that need triage wait in intake for 311, who route, escalate or resolve them; the
  // director oversees it. Departments see a ticket once it reaches their queue.
  theIntakeQueueIsFor311AndTheDirector: {
    check: (actor) => is(actor, 'operator', 'director'),
    whoMay: () => [{ role: 'operator' }, { role: 'director' }],
    refusal: () => 'The intake queue (tickets waiting for triage) is for 311 operators and the director; departments read their own queue.',
  },
  // Claiming starts work, which the department's own staff and head (and the director) may do.
  onlyTheDepartmentClaimsFromItsQueue: {
    check: (actor, { department }) => memberOf(actor, department) || is(actor, 'director'),
    whoMay: (_actor, { department }) => [...members(department), { role: 'director' }],
    refusal: (_actor, { department }) => `Only ${department} staff, its head and the director may claim from the ${department} queue.`,
  },
  // A department head sees their own department and the services it owns; channels mix every
  // department, so grouping by channel is the director's alone.
  completionMetricsAreForTheDirectorAndDepartmentHeads: {
    check: (actor, { groupBy }) => is(actor, 'director') || (headOf(actor) !== undefined && groupBy !== 'channel'),
    whoMay: () => [{ role: 'director' }, { role: 'department_head' }],
    refusal: (actor) =>
      headOf(actor) !== undefined
        ? 'Department heads see completion metrics grouped by department or by service; grouping by channel is for the director.'
        : 'Completion metrics are for the director and department heads.',
  },
  // The director sees every department's escalations (or the one asked for); a department head only their own.
  escalationsAreForTheDirectorAndDepartmentHeads: {
    check: (actor, { department }) => is(actor, 'director') || (headOf(actor) !== undefined && (department === undefined || department === headOf(actor))),
    whoMay: (actor) => [{ role: 'director' }, { role: 'department_head', department: headOf(actor) }],
    refusal: (actor) =>
      headOf(actor) !== undefined
        ? `A department head sees the escalations of ${headOf(actor)} only; leave out "department" or ask for ${headOf(actor)}.`
        : 'Escalations are for the director and department heads (their own department).',
  },
  // The director sees every line's contacts; a department head their own line's, and the transfers and callbacks to their department.
  contactMetricsAreForTheDirectorAndDepartmentHeads: {
    check: (actor) => is(actor, 'director') || headOf(actor) !== undefined,
    whoMay: () => [{ role: 'director' }, { role: 'department_head' }],
    refusal: () => 'Contact metrics are for the director and department heads (their own line and department).',
  },
  // A contact (with the resident's identity) is 311's record; the departments it involves — its
  // line, a transfer, a callback they must make — see it too, as a ticket's department sees its contact.
  aContactIsFor311TheDirectorAndTheDepartmentsItInvolves: {
    check: (actor, { departments }) => is(actor, 'operator', 'director') || departments.some((department) => memberOf(actor, department)),
    whoMay: (_actor, { departments }) => [{ role: 'operator' }, { role: 'director' }, ...departments.flatMap((department) => members(department))],
    refusal: () => 'A contact is for 311, the director and the departments it involves (its line, a transfer or a callback).',
  },
  // Resident contact data is for 311, the director and the ticket's own department (DESIGN.md):
  // hidden from everyone else, never refused.
  residentContactIsFor311TheDirectorAndTheTicketsDepartment: {
    check: (actor, { ticket }) => is(actor, 'operator', 'director') || memberOf(actor, responsibleDepartment(ticket)),
    whoMay: (_actor, { ticket }) => [{ role: 'operator' }, { role: 'director' }, ...members(responsibleDepartment(ticket))],
    refusal: () => 'Resident contact data is for 311, the director and the ticket’s own department.',
  },
  // Who answers a department's line (its roster, who is available now) is for 311, which transfers to it, the director and the department itself.
  aPhoneLineIsFor311TheDirectorAndItsDepartment: {
    check: (actor, { department }) => is(actor, 'operator', 'director') || memberOf(actor, department),
    whoMay: (_actor, { department }) => [{ role: 'operator' }, { role: 'director' }, ...members(department)],
    refusal: (_actor, { department }) => `Who answers the ${department} line is for 311 operators, the director and ${department} itself.`,
  },
  // The director sees every department's phone coverage (or the one asked for); a department head only their own.
  phoneCoverageReportsAreForTheDirectorAndDepartmentHeads: {
    check: (actor, { department }) => is(actor, 'director') || (headOf(actor) !== undefined && (department === undefined || department === headOf(actor))),
    whoMay: (actor) => [{ role: 'director' }, { role: 'department_head', department: headOf(actor) }],
    refusal: (actor) =>
      headOf(actor) !== undefined
        ? `A department head sees the phone coverage of ${headOf(actor)} only; leave out "department" or ask for ${headOf(actor)}.`
        : 'The phone coverage report is for the director and department heads (their own department).',
  },
  // Finding a resident's contacts and tickets by phone or e-mail reaches across departments: it is
  // 311's and the director's (who see every ticket's contact data), and each look-up is recorded.
  aResidentIsLookedUpBy311AndTheDirector: {
    check: (actor) => is(actor, 'operator', 'director'),
    whoMay: () => [{ role: 'operator' }, { role: 'director' }],
    refusal: () => 'Looking a resident up by phone or e-mail (their contacts and tickets, or their own open tickets) is for 311 and the director.',
  },
  // Who looked up whom, and when, is the director's to audit.
  residentLookUpsAreAuditedByTheDirector: {
    check: (actor) => is(actor, 'director'),
    whoMay: () => [{ role: 'director' }],
    refusal: () => 'The record of resident look-ups (who looked up whom, when) is for the director.',
  },
  // The signed checkpoints of the event log, and whether the log still holds to them, are the director's audit.
  theLogsCheckpointsAreForTheDirector: {
    check: (actor) => is(actor, 'director'),
    whoMay: () => [{ role: 'director' }],
    refusal: () => "The event log's signed checkpoints and their verification are for the director.",
  },
  // Webhook subscribers receive every ticket event their filters want: who they are, their secrets, deliveries and replays are the director's.
  webhookSubscriptionsAreTheDirectors: {
    check: (actor) => is(actor, 'director'),
    whoMay: () => [{ role: 'director' }],
    refusal: () => 'Webhook subscriptions, their delivery log and replays are for the director.',
  },
};

/** Whether `actor` may read what the rule guards. */
export const mayRead = <N extends ReadRuleName>(rule: N, actor: Actor, subject: ReadSubjects[N]): boolean =>
  (READ_RULES[rule] as ReadRule<ReadSubjects[N]>).check(actor, subject);

/** A refused read: the rule, who may, and why, in words. */
export interface ReadRefusal {
  readonly rule: ReadRuleName;
  readonly whoMay: readonly ReadPermission[];
  readonly message: string;
}

/** Why `actor` may not read what the rule guards; undefined when they may. */
export function readRefusal<N extends ReadRuleName>(rule: N, actor: Actor, subject: ReadSubjects[N]): ReadRefusal | undefined {
  const r = READ_RULES[rule] as ReadRule<ReadSubjects[N]>;
  if (r.check(actor, subject)) return undefined;
  return { rule, whoMay: r.whoMay(actor, subject), message: r.refusal(actor, subject) };
}

/**
 * The groups of a completion report `actor` may see: every group for the director, their own
 * department's rows (by department, or the services it owns) for a department head. Call after
 * the rule admitted the grouping.
 */
export function completionGroupVisible(
  actor: Actor,
  groupBy: CompletionGrouping,
  ownerOfService: (code: string) => string | undefined,
): (group: string) => boolean {
  const head = headOf(actor);
  if (is(actor, 'director') || head === undefined) return () => is(actor, 'director');
  return groupBy === 'service' ? (group) => ownerOfService(group) === head : (group) => group === head;
}

/** The department whose escalations a caller sees when asking for `asked`: the asked one (or all) for the director, their own for a head. */
export const escalationsDepartmentFor = (actor: Actor, asked: string | undefined): string | undefined => (is(actor, 'director') ? asked : headOf(actor));

/** The department whose contact figures a caller sees: every one (undefined) for the director, their own for a head. */
export const contactMetricsDepartmentFor = (actor: Actor): string | undefined => (is(actor, 'director') ? undefined : headOf(actor));

/** The department whose phone coverage a caller sees when asking for `asked`: the asked one (or all) for the director, their own for a head. */
export const phoneCoverageDepartmentFor = (actor: Actor, asked: string | undefined): string | undefined => (is(actor, 'director') ? asked : headOf(actor));

/** What a caller may read and claim, for `/me`: so clients show what the rules allow without restating them. */
export interface ReadAccess {
  /** Departments whose queue (and feed) the caller may read. */
  readonly readQueuesOf: readonly string[];
  /** Departments whose queue the caller may claim from. */
  readonly claimFromQueuesOf: readonly string[];
  /** Completion-report groupings open to the caller; empty when the report is not. */
  readonly completionMetricsBy: readonly CompletionGrouping[];
  /** Whether GET /escalations answers the caller. */
  readonly escalations: boolean;
  /** Whether GET /metrics/contacts (and its gaps and busiest times) answers the caller. */
  readonly contactMetrics: boolean;
  /** Whether the staff API (and the console) is open to the caller; residents use Open311. */
  readonly staffApi: boolean;
  /** Departments whose phone line (its roster, who answers it now) the caller may read. */
  readonly phoneLinesOf: readonly string[];
  /** Whether GET /metrics/phone-coverage answers the caller (the director every department, a head their own). */
  readonly phoneCoverageReports: boolean;
  /** Whether GET /intake/queue (the tickets waiting for triage) answers the caller. */
  readonly intakeQueue: boolean;
  /** Whether the caller may look a resident up by phone or e-mail (POST /residents/lookups, the caller's own tickets among possible duplicates). */
  readonly residentLookUp: boolean;
}

const GROUPINGS: readonly CompletionGrouping[] = ['department', 'service', 'channel'];

/** The read rules judged for `actor` over the city's departments. */
export function readAccessOf(actor: Actor, departments: readonly string[]): ReadAccess {
  return {
    readQueuesOf: departments.filter((department) => mayRead('aQueueIsReadByItsDepartment311AndTheDirector', actor, { department })),
    claimFromQueuesOf: departments.filter((department) => mayRead('onlyTheDepartmentClaimsFromItsQueue', actor, { department })),
    completionMetricsBy: GROUPINGS.filter((groupBy) => mayRead('completionMetricsAreForTheDirectorAndDepartmentHeads', actor, { groupBy })),
    escalations: mayRead('escalationsAreForTheDirectorAndDepartmentHeads', actor, {}),
    contactMetrics: mayRead('contactMetricsAreForTheDirectorAndDepartmentHeads', actor, {}),
    staffApi: mayRead('residentsUseOpen311', actor, {}),
    phoneLinesOf: departments.filter((department) => mayRead('aPhoneLineIsFor311TheDirectorAndItsDepartment', actor, { department })),
    phoneCoverageReports: mayRead('phoneCoverageReportsAreForTheDirectorAndDepartmentHeads', actor, {}),
    intakeQueue: mayRead('theIntakeQueueIsFor311AndTheDirector', actor, {}),
    residentLookUp: mayRead('aResidentIsLookedUpBy311AndTheDirector', actor, {}),
  };
}
