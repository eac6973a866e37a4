import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@switchboard/event-store';
import { residentEmailKey, residentPhoneKey } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { CLOCK, type Clock } from '../clock/clock';

/** Look-ups are recorded on one stream per UTC day: the director's audit reads a day's stream, never a read model. */
export const RESIDENT_LOOKUPS_STREAM_PREFIX = 'resident-lookups-';

/** Why a resident was looked up: the desk's look-up, or the caller's own open tickets among possible duplicates. */
export type LookupPurpose = 'lookup' | 'duplicates';

/**
 * One recorded look-up: who looked up whom, when, why, at which contact, and what it found. Whom is
 * kept as the read store keeps a resident's phone and e-mail (`residentPhoneKey`/`residentEmailKey`
 * digests of the normalised values, never the values), and by the records it found, so the record
 * holds no contact data of its own: erasing those records' data leaves nothing readable here.
 */
export interface ResidentLookup {
  readonly at: string;
  readonly by: Actor;
  readonly purpose: LookupPurpose;
  readonly phoneKey?: string;
  readonly emailKey?: string;
  readonly contactId?: string;
  /** The contacts the answer showed (a `duplicates` look-up shows none). */
  readonly contactsFound?: readonly string[];
  readonly ticketsFound: readonly string[];
}

/** Which look-ups to list: those of a phone number or e-mail address (matched by its digest), or all. */
export interface LookupFilter {
  readonly phone?: string;
  readonly email?: string;
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
  async record(actor: Actor, request: LookupRequest, found: { contacts?: readonly string[]; tickets: readonly string[] }): Promise<ResidentLookup> {
    const now = this.clock.now();
    const phoneKey = residentPhoneKey(request.phone);
    const emailKey = residentEmailKey(request.email);
    const lookup: ResidentLookup = {
      at: now.toISOString(),
      by: actor,
      purpose: request.purpose,
      ...(phoneKey ? { phoneKey } : {}),
      ...(emailKey ? { emailKey } : {}),
      ...(request.contactId ? { contactId: request.contactId } : {}),
      ...(found.contacts !== undefined ? { contactsFound: found.contacts } : {}),
      ticketsFound: found.tickets,
    };
    const { at, by, contactsFound, ticketsFound, ...rest } = lookup;
    const data = { ...rest, ...(contactsFound ? { contactsFound: [...contactsFound] } : {}), ticketsFound: [...ticketsFound] };
    await this.store.append(lookupStreamOf(now), 'any', [
      {
        id: randomUUID(),
        type: 'ResidentLookedUp',
        data,
        metadata: { actor: { ...by }, occurredAt: at, schemaVersion: 1 },
      },
    ]);
    return lookup;
  }

  /** The look-ups recorded on each of `days` (UTC dates), oldest first; with a phone or e-mail, only those of that resident. */
  async recorded(days: readonly string[], filter: LookupFilter = {}): Promise<ResidentLookup[]> {
    const phoneKey = residentPhoneKey(filter.phone);
    const emailKey = residentEmailKey(filter.email);
    const wanted = (lookup: ResidentLookup) =>
      (phoneKey === null && emailKey === null) || (phoneKey !== null && lookup.phoneKey === phoneKey) || (emailKey !== null && lookup.emailKey === emailKey);
    const lookups: ResidentLookup[] = [];
    for (const day of days) {
      try {
        for await (const event of this.store.readStream(`${RESIDENT_LOOKUPS_STREAM_PREFIX}${day}`)) {
          if (event.type !== 'ResidentLookedUp') continue;
          const metadata = event.metadata as unknown as { actor: Actor; occurredAt: string };
          const lookup: ResidentLookup = { at: metadata.occurredAt, by: metadata.actor, ...(event.data as unknown as Omit<ResidentLookup, 'at' | 'by'>) };
          if (wanted(lookup)) lookups.push(lookup);
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
    }
    return lookups;
  }
}
