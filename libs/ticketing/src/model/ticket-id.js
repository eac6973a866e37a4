"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isValidTicketId = void 0;
exports.newTicketId = newTicketId;
/** Crockford's base32 without I, L, O, U: nothing to mishear or misread over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * A new ticket id such as `K7M-4QX2` from 7 random bytes supplied by the caller (the domain
 * has no randomness of its own). 35 bits: collisions are refused by the store's
 * no-stream expectation and the caller draws again.
 */
function newTicketId(randomBytes) {
    if (randomBytes.length < 7)
        throw new RangeError('newTicketId needs at least 7 random bytes');
    const chars = Array.from(randomBytes.subarray(0, 7), (b) => ALPHABET[b % 32]);
    return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}
/** Ids of imported tickets keep their original form, so the check is deliberately broad. */
const isValidTicketId = (id) => /^[A-Za-z0-9_-]{1,40}$/.test(id);
exports.isValidTicketId = isValidTicketId;
//# sourceMappingURL=ticket-id.js.map