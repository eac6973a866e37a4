// What taking a phone photo in costs: processPhoto (sniff, header, auto-orient, re-encode without
// metadata, WebP thumbnail) on a 12-megapixel JPEG, against a baseline measured in the same run —
// sharp decoding and re-encoding the same JPEG once, nothing else — and the file store's durable
// write (temp file, fsync, rename, directory fsync). Prints medians and the ratio; no assertions.
//
//   node -r @swc-node/register libs/attachments/bench/photo-processing.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DEFAULT_PHOTO_POLICY, FileBlobStore, processPhoto, sha256Hex } from '../src';

const RUNS = 7;

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function main(): Promise<void> {
  const [width, height] = [4000, 3000];
  const pixels = Buffer.alloc(width * height * 3);
  // A gradient with noise, so the JPEG is about as large as a phone's.
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = ((i % (width * 3)) / 16 + ((i * 2654435761) >>> 27)) & 0xff;
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const policy = { ...DEFAULT_PHOTO_POLICY, maxBytes: 50 * 1024 * 1024 };
  const baseline = await median(() => sharp(jpeg).jpeg({ quality: 88 }).toBuffer());
  const ours = await median(() => processPhoto(jpeg, policy, 'keep'));
  const processed = await processPhoto(jpeg, policy, 'keep');
  const dir = mkdtempSync(join(tmpdir(), 'bench-blobs-'));
  try {
    const store = new FileBlobStore(dir);
    const write = await median(async () => {
      const bytes = Buffer.concat([processed.original.bytes, Buffer.from(String(Math.random()))]);
      await store.put(sha256Hex(bytes), bytes, 'image/jpeg');
    });
    console.log(
      `input ${width}×${height} JPEG, ${(jpeg.length / 1e6).toFixed(2)} MB; stored ${(processed.original.bytes.length / 1e6).toFixed(2)} MB, thumbnail ${processed.thumbnail.bytes.length} bytes`,
    );
    console.log(`baseline (decode + re-encode once): ${baseline.toFixed(0)} ms`);
    console.log(`processPhoto:                       ${ours.toFixed(0)} ms  (${(ours / baseline).toFixed(2)} × baseline)`);
    console.log(`FileBlobStore.put of the original:  ${write.toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
