import { createHash } from 'node:crypto';

/**
 * A resident's phone number as compared: its digits only, without an extension ("x12", "ext. 12")
 * and without the country code 1 of an 11-digit North American number, so "(978) 555-0142",
 * "978.555.0142" and "+1 978 555 0142" are one number. Undefined when nothing is left to compare.
 */
export function normalizedPhone(phone: string | undefined | null): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/\s*(?:x|ext\.?)\s*\d+\s*$/i, '').replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length >= 3 ? national : undefined;
}

/** A resident's e-mail address as compared: trimmed and lower-cased. */
export function normalizedEmail(email: string | undefined | null): string | undefined {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : undefined;
}

/**
 * What the read store keeps of a resident's phone or e-mail to find their tickets and contacts by:
 * a digest of the normalised value, never the value itself (the tickets table holds no contact data).
 */
const keyOf = (kind: 'phone' | 'email', normalized: string | undefined): string | null =>
  normalized === undefined ? null : createHash('sha256').update(`${kind}:${normalized}`).digest('hex').slice(0, 40);

export const residentPhoneKey = (phone: string | undefined | null): string | null => keyOf('phone', normalizedPhone(phone));
export const residentEmailKey = (email: string | undefined | null): string | null => keyOf('email', normalizedEmail(email));
