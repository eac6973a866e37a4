import { ADDRESS_ID_ATTRIBUTE, responsibleDepartment, type TicketOpened } from '@switchboard/ticketing';
import type { LoadedTicket } from '@switchboard/command-handling';
import { listOf, type Open311Record } from '../../format/open311-document';
import type { Open311Endpoint } from '../../open311-endpoint';
import { serviceNotice } from '../../services/service-notice';
import { requestStatusOf } from '../request-status';
import { publicNotes } from './public-notes';
import { mediaUrlOf, publicPhotos } from '../../media/public-media';

/**
 * A ticket as a public service request. Built field by field from what is public: never the
 * resident's contact, never internal comments or photos. `media_url` is the first public photo (under
 * `endpointUrl`, or a client's own link), absent when there is none. `extensions` adds the public
 * history as `notes`.
 */
export function serviceRequestDocument(ticket: LoadedTicket, endpoint: Open311Endpoint, extensions: boolean, endpointUrl: string): Open311Record {
  const { state, records } = ticket;
  const { catalog } = endpoint;
  const opened = records.find((record) => record.event?.type === 'TicketOpened')?.event?.data as TicketOpened['data'] | undefined;
  const service = catalog.service(state.serviceCode ?? '');
  const department = responsibleDepartment(state);
  const notes = publicNotes(records, catalog);
  const lastEvent = records.at(-1)?.event;
  const addressId = opened?.attributes?.[ADDRESS_ID_ATTRIBUTE];
  const photo = publicPhotos(state)[0];
  return {
    service_request_id: ticket.ticketId,
    status: requestStatusOf(state.status),
    status_notes: notes.at(-1)?.description ?? null,
    service_name: service?.name ?? null,
    service_code: state.serviceCode ?? null,
    description: opened?.description ?? null,
    agency_responsible: department ? (catalog.department(department)?.name ?? department) : null,
    service_notice: service ? serviceNotice(service, catalog) : null,
    requested_datetime: state.openedAt ? endpoint.dateTime(state.openedAt) : null,
    updated_datetime: lastEvent ? endpoint.dateTime(lastEvent.metadata.occurredAt) : null,
    expected_datetime: state.dueAt ? endpoint.dateTime(state.dueAt) : null,
    address: opened?.location?.address ?? null,
    address_id: typeof addressId === 'string' ? addressId : undefined,
    lat: opened?.location?.latitude,
    long: opened?.location?.longitude,
    media_url: photo ? mediaUrlOf(photo, ticket.ticketId, endpointUrl) : undefined,
    notes: extensions
      ? listOf(
          'note',
          notes.map((note) => ({ datetime: endpoint.dateTime(note.datetime), description: note.description, type: note.type })),
        )
      : undefined,
  };
}
