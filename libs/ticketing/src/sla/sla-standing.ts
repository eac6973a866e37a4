import type { ServiceCatalog } from '../catalog';
import type { TicketState } from '../model/ticket-state';

const HOUR_MS = 3_600_000;

/** Where a ticket stands against its SLA at `now`; instants are undefined while no clock runs. */
export interface SlaStanding {
  readonly dueAt?: Date;
  /** When the ticket becomes "at risk": the policy's share of the SLA's business time used. */
  readonly atRiskAt?: Date;
  /** When a breached ticket still open goes to the director. */
  readonly directorAt?: Date;
  readonly atRisk: boolean;
  readonly overdue: boolean;
}

/** The SLA standing of a ticket at `now`, under the escalation policy of its service. */
export function slaStanding(ticket: TicketState, now: Date, catalog: ServiceCatalog): SlaStanding {
  if (!ticket.dueAt || !ticket.serviceCode) return { atRisk: false, overdue: false };
  const policy = catalog.escalationPolicy(ticket.serviceCode);
  const dueAt = new Date(ticket.dueAt);
  const { calendar } = catalog;
  const atRiskAt = ticket.slaBusinessMs === undefined ? undefined : calendar.subtractBusinessTime(dueAt, ticket.slaBusinessMs * (1 - policy.atRiskFraction));
  const directorAt = calendar.addBusinessTime(dueAt, policy.directorAfterBusinessHours * HOUR_MS);
  const t = now.getTime();
  const overdue = t >= dueAt.getTime();
  return { dueAt, atRiskAt, directorAt, overdue, atRisk: !overdue && atRiskAt !== undefined && t >= atRiskAt.getTime() };
}
