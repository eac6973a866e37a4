import { sniffContentKind } from './sniff-content-type';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('sniffContentKind', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0])],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0])],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0])],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['pdf', bytes('%PDF-1.7\n')],
  ])('recognises %s by its first bytes', (kind, head) => {
    expect(sniffContentKind(head)).toBe(kind);
  });

  it('knows nothing of names or declared types: text, HTML, an MP4 and a RIFF that is no WebP are none of ours', () => {
    for (const head of [
      bytes('hello, world'),
      bytes('<html><img src=x>'),
      bytes([0, 0, 0, 0x18], 'ftypisom'),
      bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '),
      bytes([0xff, 0xd8]),
    ]) {
      expect(sniffContentKind(head)).toBeUndefined();
    }
  });
});
