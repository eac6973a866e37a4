/** The shapes of the API answers the console reads (docs/api.md). */

export type Role = 'operator' | 'staff' | 'department_head' | 'director' | 'resident';

export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly department: string | null;
  /** The API's clock: the console's "now". */
  readonly now: string;
}

export interface ServiceInfo {
  readonly code: string;
  readonly name: string;
}

export interface DepartmentInfo {
  readonly id: string;
  readonly name: string;
  readonly mainLineRoutedTo311?: boolean;
  readonly services: readonly ServiceInfo[];
}

export interface Catalog {
  readonly timeZone: string;
  readonly departments: readonly DepartmentInfo[];
}

export interface QueueEntry {
  readonly ticketId: string;
  readonly revision: number;
  readonly status: string;
  readonly assignee: string | null;
  readonly priority: string;
  readonly escalationTier: number;
  readonly onHold: boolean;
  readonly openedAt: string;
  readonly ageSeconds?: number;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly overdueSince: string | null;
  readonly atRisk?: boolean;
  readonly serviceCode: string;
  readonly channel: string;
  readonly department: string;
  readonly description: string;
  readonly address: string | null;
}

export interface Queue {
  readonly department: string;
  readonly asOf: string;
  readonly entries: readonly QueueEntry[];
}

export interface QueueChange {
  readonly ticketId: string;
  readonly kind: 'added' | 'updated' | 'removed';
  readonly entry: { readonly revision: number } | null;
}

export interface DurationFigures {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly medianBusinessHours: number | null;
  readonly p90BusinessHours: number | null;
}

export interface CompletionFigures {
  readonly group: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly opened: number;
  readonly completed: number;
  readonly closedWithoutCompletion: number;
  readonly completionRate: number | null;
  readonly backlogAtPeriodEnd: number;
  readonly timeToAssign: DurationFigures;
  readonly timeToComplete: DurationFigures;
  readonly onTimeRate: number | null;
  readonly escalationRate: number | null;
  readonly reopenRate: number | null;
  readonly firstContactResolutionRate: number | null;
}

export interface CompletionReport {
  readonly from: string;
  readonly to: string;
  readonly asOf?: string;
  readonly source?: string;
  readonly groupBy: string;
  readonly period: string;
  readonly timeZone: string;
  readonly figures: readonly CompletionFigures[];
}

export interface EscalationView {
  readonly ticketId: string;
  readonly department: string;
  readonly serviceCode: string;
  readonly status: string;
  readonly priority: string;
  readonly assignee: string | null;
  readonly tier: number;
  readonly reason: string | null;
  readonly escalatedAt: string | null;
  readonly dueAt: string | null;
  readonly overdueSince: string | null;
  readonly overdue: boolean;
  readonly breachedAt: string | null;
  readonly atRisk: boolean;
  readonly atRiskAt: string | null;
}

export interface EscalationsPage {
  readonly tickets: readonly EscalationView[];
  readonly nextCursor: string | null;
}

export interface TicketView {
  readonly ticketId?: string;
  readonly status: string;
  readonly serviceCode?: string;
  readonly owningDepartment?: string;
  readonly channel?: string;
  readonly priority?: string;
  readonly openedAt?: string;
  readonly department?: string;
  readonly assignee?: string;
  readonly escalationTier: number;
  readonly dueAt?: string;
  readonly overdueSince?: string;
  readonly completedAt?: string;
  readonly closeReason?: string;
  readonly reopenCount: number;
  readonly revision: number;
  readonly description?: string;
  readonly location?: { readonly address?: string; readonly latitude?: number; readonly longitude?: number };
  readonly contact?: { readonly name?: string; readonly phone?: string; readonly email?: string };
  readonly allowedCommands: readonly string[];
}

export interface HistoryEntry {
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly actor: unknown;
  readonly occurredAt: string;
  readonly stateBefore: string;
  readonly stateAfter: string;
}

export interface TicketHistory {
  readonly ticketId: string;
  readonly events: readonly HistoryEntry[];
}

/** What a command answers. */
export interface CommandAnswer {
  readonly ticketId: string;
  readonly revision: number;
  readonly position: string;
}

/** An error answer: `{ statusCode, error, message, …details }`. */
export interface Problem {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly correlationId?: string;
  readonly problems?: readonly { readonly field: string; readonly message: string }[];
  readonly whoMay?: readonly { readonly role: string; readonly department?: string }[];
  readonly rule?: string;
  readonly state?: string;
  readonly command?: string;
  readonly allowed?: readonly string[];
  readonly currentRevision?: number;
  readonly what?: string;
  readonly id?: string;
}
