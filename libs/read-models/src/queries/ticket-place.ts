import type { Location, ResidentContact } from '@switchboard/ticketing';
import { residentEmailKey, residentPhoneKey } from './resident-keys';

/** Street words and their abbreviations: "12 Main Street" and "12 main st." are one address. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  square: 'sq',
  terrace: 'ter',
  parkway: 'pkwy',
  highway: 'hwy',
  circle: 'cir',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
};

/**
 * An address as compared for possible duplicates, on purpose modest: case folded, punctuation
 * (. , # ;) taken for spaces, runs of spaces made one, and the street words above abbreviated.
 * No geocoding, no unit or city handling: "12 Main St, Apt 3" and "12 Main St" stay different.
 */
export function addressKey(address: string | undefined | null): string | null {
  const words = (address ?? '')
    .toLowerCase()
    .replace(/[.,#;]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => ABBREVIATIONS[word] ?? word);
  return words.length > 0 ? words.join(' ') : null;
}

/** What a ticket's row keeps of where and by whom it was reported, to find possible duplicates by. */
export interface TicketPlaceColumns {
  latitude: number | null;
  longitude: number | null;
  address_key: string | null;
  resident_phone_key: string | null;
  resident_email_key: string | null;
}

/** The place columns, which only the opening sets: a later batch keeps them. */
export const PLACE_COLUMNS: readonly (keyof TicketPlaceColumns)[] = ['latitude', 'longitude', 'address_key', 'resident_phone_key', 'resident_email_key'];

/** The place columns of a ticket opened at `location` by a resident with `contact`. */
export function placeColumnsOf(opened: { readonly location?: Location; readonly contact?: ResidentContact }): TicketPlaceColumns {
  const { latitude, longitude, address } = opened.location ?? {};
  const located = typeof latitude === 'number' && typeof longitude === 'number';
  return {
    latitude: located ? latitude : null,
    longitude: located ? longitude : null,
    address_key: addressKey(address),
    resident_phone_key: residentPhoneKey(opened.contact?.phone),
    resident_email_key: residentEmailKey(opened.contact?.email),
  };
}

const EARTH_RADIUS_METERS = 6_371_008.8;
const METERS_PER_DEGREE_OF_LATITUDE = (Math.PI * EARTH_RADIUS_METERS) / 180;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two points in meters (haversine). */
export function distanceMeters(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = radians(bLat - aLat);
  const dLon = radians(bLon - aLon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(aLat)) * Math.cos(radians(bLat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude box holding every point within `meters` of the centre (wider, never narrower); not across the antimeridian. */
export function boundingBox(latitude: number, longitude: number, meters: number) {
  const dLat = meters / METERS_PER_DEGREE_OF_LATITUDE;
  // Towards the poles a degree of longitude shrinks; near them the box spans every longitude.
  const cos = Math.cos(radians(Math.min(89.9, Math.abs(latitude) + dLat)));
  const dLon = Math.min(180, dLat / cos);
  return {
    minLatitude: latitude - dLat,
    maxLatitude: latitude + dLat,
    minLongitude: Math.max(-180, longitude - dLon),
    maxLongitude: Math.min(180, longitude + dLon),
  };
}
