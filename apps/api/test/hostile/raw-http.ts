import { Agent, request } from 'node:http';

/** A request exactly as written: the path is sent byte for byte (no URL normalisation, unlike fetch). */
export interface RawRequest {
  readonly method: string;
  /** Path and query, already percent-encoded (or deliberately not). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as text; an event stream is not read (its first bytes could take minutes). */
  readonly text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends a raw request to the API at `base` (http://host:port) and reads the whole answer. */
export function sendRaw(base: string, raw: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: hostname,
        port,
        method: raw.method,
        path: raw.path,
        headers: { ...raw.headers, ...(raw.body ? { 'content-length': String(raw.body.length) } : {}) },
      },
      (incoming) => {
        const status = incoming.statusCode ?? 0;
        if (String(incoming.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          incoming.destroy();
          outgoing.destroy();
          resolve({ status, headers: incoming.headers, text: '' });
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

/** Closes the kept-alive connection. */
export function closeRawConnections(): void {
  agent.destroy();
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/**
 * Percent-encodes text for a URL as UTF-8, unit by unit: a lone surrogate becomes its 3-byte
 * (WTF-8) form, which is not UTF-8 — one of the bad encodings the API must refuse.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const char = text[i];
    if (unit < 0x80 && UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    let codePoint = unit;
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    }
    out += utf8Bytes(codePoint)
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  }
  return out;
}

function utf8Bytes(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  if (codePoint < 0x10000) return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
  return [0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
}
