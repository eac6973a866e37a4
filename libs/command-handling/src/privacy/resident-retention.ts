import type { EventStore } from '@switchboard/event-store';
import { type Actor, DAY_MS, type ResidentKeyStore, type ServiceCatalog } from '@switchboard/ticketing';
import { ContactCommandHandler } from '../knowledge/contact-commands';
import type { SlaScanResult } from '../sla-watch/sla-watcher';
import { eraseContactResidentData, eraseTicketResidentData, type ResidentDataErasure } from './resident-data-eraser';

/** The actor retention erasures are recorded under. */
export const RETENTION_ACTOR: Actor = { id: 'retention-watcher', role: 'system' };

/** Records a scan erases per service (and of contacts) at most: the next scan goes on where this one stopped. */
const BATCH = 200;

/** What the watcher asks the read models. */
export interface RetentionChecks {
  residentDataDue(query: { readonly serviceCode: string; readonly endedBefore: Date; readonly limit: number }): Promise<string[]>;
  contactResidentDataDue(query: { readonly endedBefore: Date; readonly limit: number }): Promise<string[]>;
}

/** What a scan did: tickets and contacts found due, erasures recorded, and failures (retried by the next scan). */
export interface RetentionScanResult extends SlaScanResult {
  readonly contacts: number;
}

export interface RetentionWatcherOptions {
  readonly catalog: ServiceCatalog;
  readonly store: EventStore;
  readonly keys: ResidentKeyStore;
  readonly checks: RetentionChecks;
  readonly now: () => Date;
  /** The record erased, `ticket-…` or `contact-…` by its stream's name. */
  readonly observer?: { erased?(record: string): void; failed?(record: string, error: unknown): void };
}

/**
 * Erases the resident data of tickets whose service's retention period (residentDataRetentionDays,
 * counted from the ticket's end) ran out, and of 311 contacts whose city-wide period
 * (policies.contactResidentDataRetentionDays, counted from the contact's end, or its start for one
 * never ended) did. Like the SLA watcher it keeps no state: each scan asks the read models which
 * records still keep their data; an erasure's command id derives from the record, so a scan
 * repeated before the projection caught up records nothing twice.
 */
export class ResidentRetentionWatcher {
  /** Contacts are loaded through their own pipeline (load only: no command is decided here). */
  private readonly contacts: Pick<ContactCommandHandler, 'load'>;

  constructor(private readonly options: RetentionWatcherOptions) {
    this.contacts = new ContactCommandHandler(options.store, options.catalog, options.now, () => Promise.resolve(false), options.keys);
  }

  async scan(): Promise<RetentionScanResult> {
    const { catalog, store, keys, checks } = this.options;
    const now = this.options.now();
    const done = { tickets: 0, contacts: 0, actions: 0, failures: 0 };
    for (const service of catalog.services()) {
      const days = service.residentDataRetentionDays;
      if (days === undefined) continue;
      const due = await checks.residentDataDue({ serviceCode: service.code, endedBefore: before(now, days), limit: BATCH });
      done.tickets += due.length;
      const reason = `the retention period of ${service.code} (${days} days after the ticket ended) ran out`;
      for (const ticketId of due) {
        await this.erase(done, `ticket-${ticketId}`, (erasure) => eraseTicketResidentData(store, keys, ticketId, erasure, now), reason, ticketId);
      }
    }
    const days = catalog.config.policies.contactResidentDataRetentionDays;
    if (days !== undefined) {
      const due = await checks.contactResidentDataDue({ endedBefore: before(now, days), limit: BATCH });
      done.contacts += due.length;
      const reason = `the retention period of 311 contacts (${days} days after the contact ended) ran out`;
      for (const contactId of due) {
        await this.erase(
          done,
          `contact-${contactId}`,
          (erasure) => eraseContactResidentData(store, keys, this.contacts, contactId, erasure, now),
          reason,
          contactId,
        );
      }
    }
    return done;
  }

  private async erase(
    done: { actions: number; failures: number },
    record: string,
    erase: (erasure: ResidentDataErasure) => Promise<{ readonly alreadyErased: boolean } | undefined>,
    reason: string,
    id: string,
  ): Promise<void> {
    try {
      const result = await erase({ reason, trigger: 'retention', actor: RETENTION_ACTOR, commandId: `retention:${id}` });
      if (result && !result.alreadyErased) {
        done.actions += 1;
        this.options.observer?.erased?.(record);
      }
    } catch (error) {
      done.failures += 1;
      this.options.observer?.failed?.(record, error);
    }
  }
}

/** The cutoff `days` before `now`. */
const before = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);
