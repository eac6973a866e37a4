import { SseParser } from '../../src/lib/sse-parser';

describe('the console’s Server-Sent Events parser', () => {
  it('reads id, event and data, and keeps the last id for reconnecting', () => {
    const parser = new SseParser();
    const messages = parser.push('id: 00000000000000000042\nevent: updated\ndata: {"ticketId":"A"}\n\n');
    expect(messages).toEqual([{ id: '00000000000000000042', event: 'updated', data: '{"ticketId":"A"}' }]);
    expect(parser.lastEventId).toBe('00000000000000000042');
  });

  it('joins multi-line data, skips comments (keep-alives) and accepts CR, LF and CRLF line ends split across chunks', () => {
    const parser = new SseParser('7');
    const text = ': keep-alive\r\n\r\nevent: added\rdata: one\r\ndata: two\n\nid: 9\ndata: x\n\n';
    const messages = text.split('').flatMap((character) => parser.push(character));
    expect(messages).toEqual([
      { id: undefined, event: 'added', data: 'one\ntwo' },
      { id: '9', event: 'message', data: 'x' },
    ]);
    expect(parser.lastEventId).toBe('9');
  });

  it('does not dispatch an unfinished message', () => {
    const parser = new SseParser();
    expect(parser.push('event: removed\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ id: undefined, event: 'removed', data: '{}' }]);
  });
});
