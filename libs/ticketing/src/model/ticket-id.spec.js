"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const ticket_id_1 = require("./ticket-id");
describe('ticket ids', () => {
    it('are short and avoid letters that are misheard or misread', () => {
        const id = (0, ticket_id_1.newTicketId)(Uint8Array.from([0, 1, 2, 31, 32, 250, 255]));
        expect(id).toBe('012-Z0TZ');
        expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}$/);
        expect((0, ticket_id_1.isValidTicketId)(id)).toBe(true);
    });
    it('accept imported ids but nothing that could break a stream name', () => {
        expect((0, ticket_id_1.isValidTicketId)('101004113298')).toBe(true);
        expect((0, ticket_id_1.isValidTicketId)('a/b')).toBe(false);
        expect((0, ticket_id_1.isValidTicketId)('')).toBe(false);
    });
});
//# sourceMappingURL=ticket-id.spec.js.map