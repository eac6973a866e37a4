import { toJson } from '../src/open311/format/json-writer';
import { listOf } from '../src/open311/format/open311-document';
import { w3cDateTime } from '../src/open311/format/w3c-datetime';
import { escapeXml, toXml } from '../src/open311/format/xml-writer';

describe('Open311 document writers', () => {
  const document = { root: 'service_requests', body: listOf('request', [{ id: 'A-1', empty: null, absent: undefined, notes: listOf('note', []) }]) };

  it('XML: declaration, no namespace, empty elements for null, nothing for undefined', () => {
    expect(toXml(document)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>\n    <id>A-1</id>\n    <empty/>\n    <notes/>\n  </request>\n</service_requests>\n',
    );
  });

  it('JSON by the Spark convention: the root drops away, lists are arrays even when empty', () => {
    expect(JSON.parse(toJson(document))).toEqual([{ id: 'A-1', empty: null, notes: [] }]);
  });

  it('escapes the five markup characters and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 lone\uD800 ok\t\n😀')).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok\t\n😀');
  });

  it('writes W3C date-times in the city time zone with its offset, across daylight saving', () => {
    expect(w3cDateTime('2026-11-02T14:00:00.123Z', 'America/New_York')).toBe('2026-11-02T09:00:00-05:00');
    expect(w3cDateTime('2026-07-01T14:00:00Z', 'America/New_York')).toBe('2026-07-01T10:00:00-04:00');
    expect(w3cDateTime('2026-07-01T14:00:00Z', 'UTC')).toBe('2026-07-01T14:00:00Z');
    expect(w3cDateTime('2026-07-01T14:00:00Z', 'Asia/Kolkata')).toBe('2026-07-01T19:30:00+05:30');
  });
});
