import { type Actor, mayRead, type TicketState } from '@switchboard/ticketing';

/** Whether the ticket's resident contact data is shown to `actor` (the domain's read rule). */
export const maySeeContact = (actor: Actor, ticket: TicketState): boolean =>
  mayRead('residentContactIsFor311TheDirectorAndTheTicketsDepartment', actor, { ticket });

/** Event data with `contact` removed unless it may be shown. */
export function withoutHiddenContact(data: Readonly<Record<string, unknown>>, showContact: boolean): Readonly<Record<string, unknown>> {
  if (showContact || !('contact' in data)) return data;
  const { contact: _hidden, ...rest } = data;
  return rest;
}
