import type { FastifyRequest } from 'fastify';
import type { TicketPhoto, TicketState } from '@switchboard/ticketing';
import type { Open311Config } from '../../config/api-config';

/** The endpoint's URL: SWITCHBOARD_OPEN311_URL, else the request's own scheme and host with the base path (as discovery answers it). */
export const endpointUrl = (settings: Open311Config, request: FastifyRequest): string =>
  settings.publicUrl ?? `${request.protocol}://${request.host}${settings.basePath}`;

/** The photos of a ticket Open311 may show: the public ones, oldest first. Internal photos never leave through it. */
export const publicPhotos = (state: TicketState): TicketPhoto[] => (state.photos ?? []).filter((photo) => photo.visibility === 'public');

/** The file name extension a stored photo is served under. */
export const extensionOf = (contentType: string): string => (contentType === 'image/jpeg' ? 'jpg' : contentType.split('/')[1]);

/** Where an Open311 client finds a public photo: a link as the client sent it, a stored photo under the endpoint's `media/` resource. */
export function mediaUrlOf(photo: TicketPhoto, ticketId: string, endpoint: string): string {
  return photo.source === 'link' ? photo.url : `${endpoint}/media/${ticketId}/${photo.attachmentId}.${extensionOf(photo.original.contentType)}`;
}
