import { type Actor, responsibleDepartment, type TicketState } from '@switchboard/ticketing';

/** Resident contact data is for 311, the director and the ticket's own department (DESIGN.md). */
export function maySeeContact(actor: Actor, ticket: TicketState): boolean {
  if (actor.role === 'operator' || actor.role === 'director') return true;
  const department = responsibleDepartment(ticket);
  return (actor.role === 'staff' || actor.role === 'department_head') && department !== undefined && actor.department === department;
}

/** Event data with `contact` removed unless it may be shown. */
export function withoutHiddenContact(data: Readonly<Record<string, unknown>>, showContact: boolean): Readonly<Record<string, unknown>> {
  if (showContact || !('contact' in data)) return data;
  const { contact: _hidden, ...rest } = data;
  return rest;
}
