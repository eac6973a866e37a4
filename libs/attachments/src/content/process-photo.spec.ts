import sharp from 'sharp';
import { DEFAULT_PHOTO_POLICY, type PhotoPolicy } from './photo-policy';
import { PhotoRefused } from './photo-refused';
import { processPhoto, sha256Hex } from './process-photo';
import { readAtMost } from './read-limited';

/** A small real JPEG as a phone writes it: 40×20 pixels stored sideways (EXIF orientation 6), with a camera make and a GPS position. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestCam', Model: 'Serial 1234' },
      // 42° 46' 12" N, 71° 4' 48" W
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 46/1 1200/100', GPSLongitudeRef: 'W', GPSLongitude: '71/1 4/1 4800/100' },
    })
    .toBuffer();
}

const refusal = async (run: Promise<unknown>): Promise<PhotoRefused> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PhotoRefused)) throw new Error(`expected a PhotoRefused, got ${String(error)}`);
  return error;
};

describe('processPhoto', () => {
  it('keeps the EXIF location when the policy keeps it, applies the orientation and serves no EXIF at all', async () => {
    const processed = await processPhoto(await phoneJpeg(), DEFAULT_PHOTO_POLICY, 'keep');
    expect(processed.location).toEqual({ latitude: 42.77, longitude: -71.08 });
    expect(processed.sentAs).toBe('jpeg');
    expect(processed.original.image).toMatchObject({ contentType: 'image/jpeg', width: 20, height: 40, size: processed.original.bytes.length });
    const served = await sharp(processed.original.bytes).metadata();
    expect(served.exif).toBeUndefined();
    expect(served.orientation).toBeUndefined();
    expect([served.width, served.height]).toEqual([20, 40]);
  });

  it('strips the location by policy (residents’ default): none recorded, none in the stored bytes', async () => {
    const processed = await processPhoto(await phoneJpeg(), DEFAULT_PHOTO_POLICY, 'strip');
    expect(processed.location).toBeUndefined();
    expect((await sharp(processed.original.bytes).metadata()).exif).toBeUndefined();
    expect(processed.original.bytes.includes(Buffer.from('TestCam'))).toBe(false);
  });

  it('names the stored bytes and the thumbnail by their SHA-256; the thumbnail is a WebP within the thumbnail size', async () => {
    const big = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#357' } })
      .png()
      .toBuffer();
    const processed = await processPhoto(big, DEFAULT_PHOTO_POLICY, 'keep');
    expect(processed.original.image).toMatchObject({ contentType: 'image/png', width: 1200, height: 800, sha256: sha256Hex(processed.original.bytes) });
    expect(processed.thumbnail.image).toMatchObject({ contentType: 'image/webp', width: 320, height: 213, sha256: sha256Hex(processed.thumbnail.bytes) });
    expect((await sharp(processed.thumbnail.bytes).metadata()).format).toBe('webp');
    expect(processed.location).toBeUndefined();
  });

  it('keeps WebP as WebP', async () => {
    const webp = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#0000' } })
      .webp()
      .toBuffer();
    expect((await processPhoto(webp, DEFAULT_PHOTO_POLICY, 'strip')).original.image.contentType).toBe('image/webp');
  });

  it('takes AVIF and stores it as JPEG, so every browser shows it', async () => {
    const avif = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#484' } })
      .avif()
      .toBuffer();
    const processed = await processPhoto(avif, DEFAULT_PHOTO_POLICY, 'strip');
    expect([processed.sentAs, processed.original.image.contentType, processed.original.image.width]).toEqual(['avif', 'image/jpeg', 16]);
  });

  it('refuses a HEIC photo this build of the image library cannot decode, saying so', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    expect(await refusal(processPhoto(heic, DEFAULT_PHOTO_POLICY, 'strip'))).toMatchObject({
      reason: 'not_an_image',
      message: expect.stringContaining('begins as a HEIC image but cannot be decoded'),
    });
  });

  it('refuses by content, not by name: a PDF, a text file and a GIF are not photos, and the refusal says what was sent', async () => {
    expect(await refusal(processPhoto(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), DEFAULT_PHOTO_POLICY, 'strip'))).toMatchObject({
      reason: 'not_an_image',
      message: expect.stringContaining('a PDF document'),
    });
    expect(await refusal(processPhoto(Buffer.from('just some text, saved as photo.jpg'), DEFAULT_PHOTO_POLICY, 'strip'))).toMatchObject({
      reason: 'not_an_image',
      message: expect.stringContaining('not an image we recognise'),
    });
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect((await refusal(processPhoto(gif, DEFAULT_PHOTO_POLICY, 'strip'))).message).toContain('a GIF image');
  });

  it('refuses a file that begins like a JPEG but does not decode', async () => {
    const jpeg = await phoneJpeg();
    const broken = Buffer.concat([jpeg.subarray(0, 30), Buffer.alloc(200, 0x41)]);
    expect(await refusal(processPhoto(broken, DEFAULT_PHOTO_POLICY, 'strip'))).toMatchObject({
      reason: 'not_an_image',
      message: expect.stringContaining('cannot be decoded'),
    });
  });

  it('refuses too many bytes and too many pixels (a small file that decodes huge)', async () => {
    const small: PhotoPolicy = { ...DEFAULT_PHOTO_POLICY, maxBytes: 100 };
    expect(await refusal(processPhoto(await phoneJpeg(), small, 'strip'))).toMatchObject({
      reason: 'too_large',
      message: expect.stringContaining('100 bytes'),
    });
    const wide = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(wide.length).toBeLessThan(DEFAULT_PHOTO_POLICY.maxBytes);
    expect(await refusal(processPhoto(wide, { ...DEFAULT_PHOTO_POLICY, maxPixels: 1_000_000 }, 'strip'))).toMatchObject({
      reason: 'too_large',
      message: expect.stringContaining('3000×3000 pixels'),
    });
  });
});

describe('readAtMost', () => {
  it('refuses while the bytes stream in: an endless upload is cut at the limit', async () => {
    let sent = 0;
    async function* endless() {
      for (;;) {
        sent += 1;
        yield Buffer.alloc(1024, 1);
      }
    }
    expect(await refusal(readAtMost(endless(), 10 * 1024, 'The photo'))).toMatchObject({
      reason: 'too_large',
      message: 'The photo is larger than the limit of 10 KB.',
    });
    expect(sent).toBe(11);
  });

  it('gives back everything up to the limit', async () => {
    async function* three() {
      yield Buffer.from('ab');
      yield Buffer.from('cd');
      yield Buffer.from('e');
    }
    expect((await readAtMost(three(), 5)).toString()).toBe('abcde');
  });
});
