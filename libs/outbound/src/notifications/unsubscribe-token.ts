import { createHmac, timingSafeEqual } from 'node:crypto';

// The link in every resident notice works without signing in: it carries a token the city signed
// (HMAC-SHA256 under a secret only the servers hold), naming the ticket whose updates it stops. A
// token cannot be made for another ticket without the secret, and holds nothing personal.

const PURPOSE = 'switchboard-unsubscribe-v1';

/** What an unsubscribe token names: the ticket whose resident stops getting updates. */
export interface UnsubscribeClaim {
  readonly ticketId: string;
}

const mac = (secret: Uint8Array, body: string): Buffer => createHmac('sha256', secret).update(`${PURPOSE}\0${body}`).digest();

/** `<ticket id, base64url>.<signature, base64url>`. */
export function signUnsubscribeToken(secret: Uint8Array, claim: UnsubscribeClaim): string {
  const body = Buffer.from(claim.ticketId, 'utf8').toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The ticket a token names; undefined when it is not one we signed (altered, truncated, another secret's). */
export function verifyUnsubscribeToken(secret: Uint8Array, token: string): UnsubscribeClaim | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(signature)) return undefined;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const ticketId = Buffer.from(body, 'base64url').toString('utf8');
  return ticketId ? { ticketId } : undefined;
}

/** The link a notice carries. */
export const unsubscribeUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
