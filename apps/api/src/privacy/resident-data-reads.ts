import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@switchboard/event-store';
import type { Actor } from '@switchboard/ticketing';
import { CLOCK, type Clock } from '../clock/clock';

/** Reads of a record's resident data are recorded on a stream of the record's own: `resident-data-reads-<record's stream>`. */
export const RESIDENT_DATA_READS_STREAM_PREFIX = 'resident-data-reads-';

/** Where the resident data was shown. */
export const RESIDENT_DATA_READ_VIAS = ['ticket', 'ticket-history', 'contact'] as const;
export type ResidentDataReadVia = (typeof RESIDENT_DATA_READ_VIAS)[number];

/** One recorded read: who was shown the record's resident data, when, and where. */
export interface ResidentDataRead {
  readonly at: string;
  readonly by: Actor;
  readonly via: ResidentDataReadVia;
}

/**
 * Records every answer that shows a record's resident data (a ticket's contact, a contact's
 * resident) as a `ResidentDataRead` event on the record's reads stream, before the answer leaves,
 * and lists them for the director. One event per answer: the cost of a read that shows contact
 * data is one append; a read that shows none records nothing.
 */
@Injectable()
export class ResidentDataReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(actor: Actor, recordStream: string, via: ResidentDataReadVia): Promise<void> {
    await this.store.append(`${RESIDENT_DATA_READS_STREAM_PREFIX}${recordStream}`, 'any', [
      {
        id: randomUUID(),
        type: 'ResidentDataRead',
        data: { via },
        metadata: { actor: { ...actor }, occurredAt: this.clock.now().toISOString(), schemaVersion: 1 },
      },
    ]);
  }

  /** The recorded reads of a record's resident data, oldest first. */
  async of(recordStream: string): Promise<ResidentDataRead[]> {
    const reads: ResidentDataRead[] = [];
    try {
      for await (const event of this.store.readStream(`${RESIDENT_DATA_READS_STREAM_PREFIX}${recordStream}`)) {
        if (event.type !== 'ResidentDataRead') continue;
        const metadata = event.metadata as unknown as { actor: Actor; occurredAt: string };
        reads.push({ at: metadata.occurredAt, by: metadata.actor, via: (event.data as { via: ResidentDataReadVia }).via });
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return reads;
  }
}
