import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@switchboard/event-store';
import { normalizedEmail, normalizedPhone } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { CLOCK, type Clock } from '../clock/clock';

/** Look-ups are recorded on one stream per UTC day: the director's audit reads a day's stream, never a read model. */
export const RESIDENT_LOOKUPS_STREAM_PREFIX = 'resident-lookups-';

/** Why a resident was looked up: the desk's look-up, or the caller's own open tickets among possible duplicates. */
export type LookupPurpose = 'lookup' | 'duplicates';

/** One recorded look-up: who looked up whom (as asked: phone and e-mail normalised), when, why, at which contact, and what it found. */
export interface ResidentLookup {
  readonly at: string;
  readonly by: Actor;
  readonly purpose: LookupPurpose;
  readonly phone?: string;
  readonly email?: string;
  readonly contactId?: string;
  readonly contactsFound?: number;
  readonly ticketsFound: number;
}

/** What a look-up is recorded with before it is answered. */
export interface LookupRequest {
  readonly purpose: LookupPurpose;
  readonly phone?: string;
  readonly email?: string;
  readonly contactId?: string;
}

/** The day stream of an instant. */
export const lookupStreamOf = (at: Date): string => `${RESIDENT_LOOKUPS_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`;

/**
 * Records resident look-ups as `ResidentLookedUp` events (event-sourced like everything else, so
 * the record is as immutable as the log) and reads a day's record back for the director.
 */
@Injectable()
export class ResidentLookups {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records a look-up with what it found; call it before the answer leaves, so none is answered unrecorded. */
  async record(actor: Actor, request: LookupRequest, found: { contacts?: number; tickets: number }): Promise<ResidentLookup> {
    const now = this.clock.now();
    const phone = normalizedPhone(request.phone);
    const email = normalizedEmail(request.email);
    const lookup: ResidentLookup = {
      at: now.toISOString(),
      by: actor,
      purpose: request.purpose,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(request.contactId ? { contactId: request.contactId } : {}),
      ...(found.contacts !== undefined ? { contactsFound: found.contacts } : {}),
      ticketsFound: found.tickets,
    };
    const { at, by, ...data } = lookup;
    await this.store.append(lookupStreamOf(now), 'any', [
      { id: randomUUID(), type: 'ResidentLookedUp', data: { ...data }, metadata: { actor: { ...by }, occurredAt: at, schemaVersion: 1 } },
    ]);
    return lookup;
  }

  /** The look-ups recorded on each day from `from` to `to` (UTC dates, inclusive), oldest first. */
  async recorded(days: readonly string[]): Promise<ResidentLookup[]> {
    const lookups: ResidentLookup[] = [];
    for (const day of days) {
      try {
        for await (const event of this.store.readStream(`${RESIDENT_LOOKUPS_STREAM_PREFIX}${day}`)) {
          if (event.type !== 'ResidentLookedUp') continue;
          const metadata = event.metadata as unknown as { actor: Actor; occurredAt: string };
          lookups.push({ at: metadata.occurredAt, by: metadata.actor, ...(event.data as unknown as Omit<ResidentLookup, 'at' | 'by'>) });
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
    }
    return lookups;
  }
}
