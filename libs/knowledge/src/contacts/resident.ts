import { type ConfigReader, type TicketCommand, validateCommand } from '@switchboard/ticketing';

/**
 * Reads a resident's name, phone and e-mail with the very checks a ticket's contact gets: the
 * ticket domain's command validation is asked about an open carrying this contact, and only its
 * findings on the contact are kept, so the two can never drift apart.
 */
export function readResident(reader: ConfigReader, value: unknown, path: string, optional: boolean): void {
  const fields = reader.object(value, path, ['name', 'phone', 'email'], optional);
  if (!fields) return;
  if (fields.name === undefined && fields.phone === undefined && fields.email === undefined)
    reader.report(path, 'needs a name, a phone number or an e-mail address');
  const asOpen = { type: 'OpenTicket', ticketId: 'T', serviceCode: 'S', description: 'd', channel: 'phone', contact: fields } as TicketCommand;
  for (const problem of validateCommand(asOpen)) {
    if (!problem.field.startsWith('contact.')) continue;
    reader.report(`${path}.${problem.field.slice('contact.'.length)}`, problem.message.slice(problem.field.length + 2));
  }
}
