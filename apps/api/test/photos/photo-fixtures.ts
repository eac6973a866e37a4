import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { TestApi } from '../api-harness';
import { API_CONFIG } from '../../src/config/config.module';
import type { ApiConfig } from '../../src/config/api-config';

/** A small real JPEG as a phone writes it: 40×20 stored sideways (EXIF orientation 6), a camera make, and a GPS position (42.77 N, 71.08 W). */
export async function phoneJpeg(color = '#c33'): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: color } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 46/1 1200/100', GPSLongitudeRef: 'W', GPSLongitude: '71/1 4/1 4800/100' },
    })
    .toBuffer();
}

/** A PNG of `width`×`height` random pixels: it does not compress, so its size is about width × height × 3 bytes. */
export async function noisyPng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 7919 + ((i * i) % 251)) & 0xff;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

export interface Part {
  readonly name: string;
  readonly value: string | Buffer;
  /** For files: the name and type the sender claims (never believed). */
  readonly filename?: string;
  readonly type?: string;
}

/** A multipart/form-data body from parts. */
export function multipart(parts: readonly Part[]): FormData {
  const body = new FormData();
  for (const part of parts) {
    if (typeof part.value === 'string') body.append(part.name, part.value);
    else body.append(part.name, new Blob([new Uint8Array(part.value)], { type: part.type ?? 'application/octet-stream' }), part.filename ?? 'upload.bin');
  }
  return body;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
  readonly json: any;
}

/** Sends a request with any body (FormData for multipart) and keeps the answer's bytes. */
export async function send(
  api: TestApi,
  method: 'GET' | 'POST',
  path: string,
  init: { token?: string; body?: FormData | string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers };
  const response = await fetch(`${await api.app.getUrl()}${path}`, { method, headers, body: init.body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json: type.includes('json') && bytes.length > 0 ? JSON.parse(bytes.toString()) : undefined,
  };
}

/** Every blob the test app's file store holds (its temporary files included). */
export function storedBlobs(api: TestApi): string[] {
  const store = api.app.get<ApiConfig>(API_CONFIG).attachments.store;
  const root = store.slice('file:'.length);
  let dirs: string[];
  try {
    dirs = readdirSync(root);
  } catch {
    return [];
  }
  return dirs.flatMap((dir) => readdirSync(join(root, dir)));
}
