import { isValidTicketId, newTicketId } from './ticket-id';

describe('ticket ids', () => {
  it('are short and avoid letters that are misheard or misread', () => {
    const id = newTicketId(Uint8Array.from([0, 1, 2, 31, 32, 250, 255]));
    expect(id).toBe('012-Z0TZ');
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(isValidTicketId(id)).toBe(true);
  });

  it('accept imported ids but nothing that could break a stream name', () => {
    expect(isValidTicketId('101004113298')).toBe(true);
    expect(isValidTicketId('a/b')).toBe(false);
    expect(isValidTicketId('')).toBe(false);
  });
});
