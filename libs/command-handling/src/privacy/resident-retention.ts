import type { EventStore } from '@switchboard/event-store';
import { type Actor, DAY_MS, type ResidentKeyStore, type ServiceCatalog } from '@switchboard/ticketing';
import type { SlaScanResult } from '../sla-watch/sla-watcher';
import { eraseTicketResidentData } from './resident-data-eraser';

/** The actor retention erasures are recorded under. */
export const RETENTION_ACTOR: Actor = { id: 'retention-watcher', role: 'system' };

/** Tickets a scan erases per service at most: the next scan goes on where this one stopped. */
const BATCH = 200;

/** What the watcher asks the read models. */
export interface RetentionChecks {
  residentDataDue(query: { readonly serviceCode: string; readonly endedBefore: Date; readonly limit: number }): Promise<string[]>;
}

export interface RetentionWatcherOptions {
  readonly catalog: ServiceCatalog;
  readonly store: EventStore;
  readonly keys: ResidentKeyStore;
  readonly checks: RetentionChecks;
  readonly now: () => Date;
  readonly observer?: { erased?(ticketId: string): void; failed?(ticketId: string, error: unknown): void };
}

/**
 * Erases the resident data of tickets whose service's retention period (residentDataRetentionDays,
 * counted from the ticket's end) ran out. Like the SLA watcher it keeps no state: each scan asks
 * the read models which ended tickets still keep their data; an erasure's command id derives from
 * the ticket, so a scan repeated before the projection caught up records nothing twice.
 */
export class ResidentRetentionWatcher {
  constructor(private readonly options: RetentionWatcherOptions) {}

  async scan(): Promise<SlaScanResult> {
    const { catalog, store, keys, checks, observer } = this.options;
    const now = this.options.now();
    let tickets = 0;
    let actions = 0;
    let failures = 0;
    for (const service of catalog.services()) {
      const days = service.residentDataRetentionDays;
      if (days === undefined) continue;
      const due = await checks.residentDataDue({ serviceCode: service.code, endedBefore: new Date(now.getTime() - days * DAY_MS), limit: BATCH });
      tickets += due.length;
      for (const ticketId of due) {
        try {
          const reason = `the retention period of ${service.code} (${days} days after the ticket ended) ran out`;
          const result = await eraseTicketResidentData(
            store,
            keys,
            ticketId,
            { reason, trigger: 'retention', actor: RETENTION_ACTOR, commandId: `retention:${ticketId}` },
            now,
          );
          if (result && !result.alreadyErased) {
            actions += 1;
            observer?.erased?.(ticketId);
          }
        } catch (error) {
          failures += 1;
          observer?.failed?.(ticketId, error);
        }
      }
    }
    return { tickets, actions, failures };
  }
}
