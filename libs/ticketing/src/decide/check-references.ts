import type { ServiceCatalog } from '../catalog';
import type { TicketCommand } from '../commands/ticket-commands';
import type { NotFound } from './domain-errors';

const notFound = (command: TicketCommand, what: NotFound['what'], id: string): NotFound => ({
  kind: 'NotFound',
  command: command.type,
  what,
  id,
  message: `unknown ${what} "${id}"`,
});

/** The service or department a command names must exist in today's catalog. */
export function checkReferences(command: TicketCommand, catalog: ServiceCatalog): NotFound | undefined {
  if (command.type === 'OpenTicket' && !catalog.service(command.serviceCode)) {
    return notFound(command, 'service', command.serviceCode);
  }
  const department = command.type === 'AssignTicket' || command.type === 'EscalateTicket' ? command.department : undefined;
  if (department && !catalog.department(department)) return notFound(command, 'department', department);
  return undefined;
}
