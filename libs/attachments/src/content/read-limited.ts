import { PhotoRefused } from './photo-refused';

/** `bytes` in words: 10 MB, 512 KB, 900 bytes. */
export const bytesInWords = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;

/**
 * Reads a stream into memory, refusing it (`too_large`) as soon as it passes `maxBytes`: the
 * limit holds while the bytes arrive, so an endless upload costs at most the limit.
 */
export async function readAtMost(stream: AsyncIterable<Uint8Array>, maxBytes: number, what = 'the file'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new PhotoRefused('too_large', `${what} is larger than the limit of ${bytesInWords(maxBytes)}.`);
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  return Buffer.concat(chunks, total);
}
