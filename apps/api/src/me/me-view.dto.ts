import type { CompletionGrouping, Role } from '@switchboard/ticketing';

/** What the caller may read and claim, judged by the domain's read rules (the API enforces the same). */
export class MeMay {
  /** Departments whose queue and live feed the caller may read. */
  readonly readQueuesOf!: string[];
  /** Departments whose queue the caller may claim from (claiming starts work). */
  readonly claimFromQueuesOf!: string[];
  /** Groupings of GET /metrics/completion open to the caller; empty when the report is not. */
  readonly completionMetricsBy!: CompletionGrouping[];
  /** Whether GET /escalations answers the caller. */
  readonly escalations!: boolean;
  /** Whether GET /metrics/contacts (and its gaps and busiest times) answers the caller. */
  readonly contactMetrics!: boolean;
  /** Whether the staff API (and the console) is open to the caller; resident tokens use Open311. */
  readonly staffApi!: boolean;
  /** Departments whose phone line the caller may read: its roster (GET /departments/:id/roster) and who answers it now. */
  readonly phoneLinesOf!: string[];
  /** Whether GET /metrics/phone-coverage answers the caller (the director every department, a department head their own). */
  readonly phoneCoverageReports!: boolean;
  /** Whether GET /intake/queue (311's tickets waiting for triage) answers the caller. */
  readonly intakeQueue!: boolean;
  /** Whether the caller may look a resident up by phone or e-mail (POST /residents/lookups; the caller's own tickets among possible duplicates). */
  readonly residentLookUp!: boolean;
}

/** GET /me: who the token stands for, what they may read, and the API's current instant. */
export class MeView {
  readonly id!: string;
  /** The users file's `name` or the JWT's `name` claim; the id when there is none. */
  readonly name!: string;
  readonly role!: Role;
  /** The department of staff and department heads; null for everyone else. */
  readonly department!: string | null;
  readonly may!: MeMay;
  /** The API clock's current instant (ISO-8601), e.g. for "as of" pickers and ages. */
  readonly now!: string;
}
