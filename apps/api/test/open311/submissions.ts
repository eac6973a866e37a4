import { as } from '../api-harness';
import { form } from './open311-client';

/** A complete pothole report as a resident's app posts it, contact data included. */
export const potholeReport = (extra: readonly (readonly [string, string])[] = []): URLSearchParams =>
  form([
    ['api_key', as.resident],
    ['jurisdiction_id', 'harrowfield.example.gov'],
    ['service_code', 'POTHOLE'],
    ['lat', '42.7701'],
    ['long', '-71.0802'],
    ['address_string', '12 Elm St, Harrowfield'],
    ['description', 'Deep pothole in the right lane'],
    ['attribute[SIZE]', 'large'],
    ['attribute[IN_ROADWAY]', 'yes'],
    ['email', 'ann.resident@example.com'],
    ['first_name', 'Ann'],
    ['last_name', 'Resident'],
    ['phone', '978-555-0101'],
    ['device_id', 'phone-1'],
    ['account_id', 'acct-77'],
    ...extra,
  ]);

/** What must never appear in any Open311 answer about a potholeReport. */
export const CONTACT_DATA = ['ann.resident@example.com', 'Ann', 'Resident', '978-555-0101'];
