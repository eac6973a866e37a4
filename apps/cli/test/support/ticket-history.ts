import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@switchboard/event-store';
import { InMemoryResidentKeyStore, TicketCommandHandler } from '@switchboard/command-handling';
import { type Actor, parseCatalog, type ServiceCatalog, type TicketCommand } from '@switchboard/ticketing';

/** The demo catalog the CLI uses by default. */
export const demoCatalog = (): ServiceCatalog => {
  const file = join(__dirname, '../../../../libs/ticketing/config/demo-catalog.json');
  return parseCatalog(readFileSync(file, 'utf8'), file);
};

export const ACTORS = {
  operator: { id: 'op-ana', role: 'operator' },
  dpwStaff: { id: 'dpw-bo', role: 'staff', department: 'DPW' },
  dpwHead: { id: 'dpw-head', role: 'department_head', department: 'DPW' },
  director: { id: 'dir-cy', role: 'director' },
  system: { id: 'sla-watcher', role: 'system' },
} satisfies Record<string, Actor>;

/** Writes ticket histories through the real command pipeline, at chosen instants. */
export class TicketHistory {
  private now = new Date(0);
  private readonly handler: TicketCommandHandler;
  private sequence = 0;

  constructor(store: EventStore, catalog: ServiceCatalog = demoCatalog()) {
    this.handler = new TicketCommandHandler(store, catalog, () => this.now, new InMemoryResidentKeyStore());
  }

  /** Executes `command` as `actor` at `at` (ISO). */
  async at(at: string, actor: Actor, command: TicketCommand): Promise<void> {
    this.now = new Date(at);
    this.sequence += 1;
    await this.handler.execute(command, { actor, commandId: `test-${this.sequence}-${command.ticketId}` });
  }
}
