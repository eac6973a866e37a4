import {
  ADDRESS_ID_ATTRIBUTE,
  MAX_DESCRIPTION_LENGTH,
  type OpenTicket,
  type ResidentContact,
  type ServiceCatalog,
  type ServiceType,
} from '@switchboard/ticketing';
import { Open311Error } from '../../errors/open311-error';
import { attributeAnswers } from './attribute-answers';
import { type FormFields, singleField } from './form-fields';

/** A POSTed service request, read into the fields of an OpenTicket command. */
export interface SubmittedRequest {
  readonly service: ServiceType;
  readonly ticket: Omit<OpenTicket, 'type' | 'ticketId'>;
  /** Echoed in the answer as the spec's account_id; not stored. */
  readonly accountId: string | null;
}

const LIMITS = { address_string: 500, address_id: 100, first_name: 100, last_name: 100, phone: 40, email: 254 } as const;

/**
 * Reads and checks a POST requests form: service_code, a location (lat+long, address_string or
 * address_id), the service's attributes, a description of at most 4,000 characters and the
 * resident's contact. Reports every problem at once.
 */
export function readSubmission(fields: FormFields, catalog: ServiceCatalog): SubmittedRequest {
  const serviceCode = singleField(fields, 'service_code');
  if (!serviceCode) throw new Open311Error(400, 'service_code was not provided; choose one from services.xml.');
  const service = catalog.service(serviceCode);
  if (!service) throw new Open311Error(404, `service_code "${serviceCode}" was not found.`);

  const problems: string[] = [];
  const text = (name: keyof typeof LIMITS): string | undefined => {
    const value = singleField(fields, name)?.trim();
    if (value !== undefined && value.length > LIMITS[name]) problems.push(`${name} must be at most ${LIMITS[name]} characters.`);
    return value;
  };
  const addressString = text('address_string');
  const addressId = text('address_id');
  const coordinates = readCoordinates(fields, problems);
  if (!coordinates && !addressString && !addressId) {
    problems.push('A location is required: send lat and long, address_string or address_id.');
  }
  const description = singleField(fields, 'description');
  if (description !== undefined && description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters (got ${description.length}).`);
  }
  const contact = readContact(text);
  const { answers, problems: attributeProblems } = attributeAnswers(fields, service);
  problems.push(...attributeProblems);
  const accountId = singleField(fields, 'account_id') ?? null;
  if (problems.length > 0) throw new Open311Error(400, problems);

  return {
    service,
    accountId,
    ticket: {
      serviceCode: service.code,
      // The domain needs a description; the spec makes it optional, so the service's name stands in.
      description: description ?? service.name,
      channel: 'open311',
      location: { ...(addressString ? { address: addressString } : {}), ...coordinates },
      ...(contact ? { contact } : {}),
      attributes: { ...answers, ...(addressId ? { [ADDRESS_ID_ATTRIBUTE]: addressId } : {}) },
    },
  };
}

function readCoordinates(fields: FormFields, problems: string[]): { latitude: number; longitude: number } | undefined {
  const lat = singleField(fields, 'lat');
  const long = singleField(fields, 'long');
  if (lat === undefined && long === undefined) return undefined;
  if (lat === undefined || long === undefined) {
    problems.push('lat and long must be sent together.');
    return undefined;
  }
  const latitude = Number(lat);
  const longitude = Number(long);
  const ok = Number.isFinite(latitude) && Math.abs(latitude) <= 90 && Number.isFinite(longitude) && Math.abs(longitude) <= 180;
  if (!ok) problems.push('lat must be a WGS84 latitude from -90 to 90 and long a longitude from -180 to 180.');
  return ok ? { latitude, longitude } : undefined;
}

function readContact(text: (name: 'first_name' | 'last_name' | 'phone' | 'email') => string | undefined): ResidentContact | undefined {
  const name = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  const phone = text('phone');
  const email = text('email');
  if (!name && !phone && !email) return undefined;
  return { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}
