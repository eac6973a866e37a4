"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deterministicEventId = deterministicEventId;
const node_crypto_1 = require("node:crypto");
/** A fixed namespace so ids derived here never collide with ids derived elsewhere. */
const NAMESPACE = 'switchboard:ticket-event';
/**
 * The id of the `index`-th event a command produces: a name-based (v5-style) UUID of the
 * command id, so a retried command produces the very same event ids and the store can
 * recognise the retry.
 */
function deterministicEventId(commandId, index) {
    const hash = (0, node_crypto_1.createHash)('sha1').update(`${NAMESPACE}\u0000${commandId}\u0000${index}`).digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
//# sourceMappingURL=event-ids.js.map