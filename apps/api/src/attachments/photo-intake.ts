import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type BlobStore, processPhoto, type ProcessedPhoto } from '@switchboard/attachments';
import { CommandRefused, type CommandMeta, decisionContext, loadTicket, RevisionMismatch } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import {
  type Actor,
  decide,
  initialTicketState,
  isValidTicketId,
  type PhotoVisibility,
  type ResidentKeyStore,
  type ServiceCatalog,
  type TicketCommand,
  type TicketState,
  type UploadedPhoto,
} from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { TicketNotFound } from '../errors/api-exceptions';
import { RESIDENT_KEYS } from '../privacy/resident-keys.module';
import { BLOB_STORE } from './blob-store.provider';

/** The n-th photo of a command: its id derives from the command id, so a retried request names the same photo (and writes nothing twice). */
export const attachmentIdOf = (commandId: string, index: number): string =>
  `ph-${createHash('sha256').update(`${commandId}\u0000photo\u0000${index}`).digest('hex').slice(0, 16)}`;

/** The one ticket id an open's check is decided under: an open's refusals do not depend on which id it draws. */
const TRIAL_TICKET_ID = 'TRIAL-OPEN';

/**
 * Takes photos in, in the order that leaves nothing half-written: every upload is checked and
 * re-encoded (refusals: 413, 415), then the command is decided on the ticket as it is without
 * appending (refusals: 400, 403, 404, 409, 412), and only then are the blobs stored and the command
 * sent. A refused upload leaves no blob and no event. Blobs are stored before the event that names
 * them, so an event never names a blob that is missing; a command that fails after its blobs were
 * stored (another writer closed the ticket in between) leaves blobs no event names, which nothing
 * serves and a retry reuses.
 */
@Injectable()
export class PhotoIntake {
  constructor(
    @Inject(BLOB_STORE) readonly blobs: BlobStore,
    @Inject(API_CONFIG) readonly config: ApiConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RESIDENT_KEYS) private readonly keys: ResidentKeyStore,
  ) {}

  /** Checks and re-encodes an upload by whoever sends it: residents' photos lose their location by default, staff's keep it (configurable). */
  process(bytes: Buffer, by: Actor): Promise<ProcessedPhoto> {
    const { policy } = this.config.attachments;
    return processPhoto(bytes, policy, by.role === 'resident' ? policy.residentLocation : policy.staffLocation);
  }

  /** The photo a command attaches, for a processed upload. */
  photoOf(processed: ProcessedPhoto, attachmentId: string, visibility: PhotoVisibility, caption?: string): UploadedPhoto {
    return {
      attachmentId,
      visibility,
      ...(caption ? { caption } : {}),
      source: 'upload',
      original: processed.original.image,
      thumbnail: processed.thumbnail.image,
      ...(processed.location ? { location: processed.location } : {}),
    };
  }

  /**
   * Decides `command` on the ticket as it is now without appending, and throws what executing it
   * would throw (TicketNotFound, RevisionMismatch, CommandRefused). An AttachPhoto already recorded
   * (a retried request) passes: executing it answers the original result.
   */
  async assertAccepted(command: TicketCommand, meta: CommandMeta): Promise<void> {
    let state: TicketState = initialTicketState;
    let trial = command;
    if (command.type === 'OpenTicket') {
      trial = { ...command, ticketId: TRIAL_TICKET_ID };
    } else {
      const ticket = isValidTicketId(command.ticketId) ? await loadTicket(this.store, command.ticketId, this.keys) : undefined;
      if (ticket?.revision === undefined) throw new TicketNotFound(command.ticketId);
      if (command.type === 'AttachPhoto' && ticket.state.photos?.some((photo) => photo.attachmentId === command.photo.attachmentId)) return;
      if (meta.expectedRevision !== undefined && meta.expectedRevision !== ticket.revision) {
        throw new RevisionMismatch(command.ticketId, meta.expectedRevision, ticket.revision);
      }
      state = ticket.state;
    }
    const decision = decide(trial, state, decisionContext(meta, this.clock.now(), this.catalog));
    if (!decision.ok) throw new CommandRefused(decision.error, decision.problems);
  }

  /** Stores the originals and thumbnails (content-addressed: storing one again writes nothing). */
  async keep(photos: readonly ProcessedPhoto[]): Promise<void> {
    for (const photo of photos) {
      for (const { bytes, image } of [photo.original, photo.thumbnail]) await this.blobs.put(image.sha256, bytes, image.contentType);
    }
  }
}
