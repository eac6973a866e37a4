import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Arrivals } from './arrivals';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for tests and benches (the `smtp-server` package): it speaks the
// protocol nodemailer speaks to a city's relay, accepts every message on port 0, and keeps what it
// received, decoded enough to read (headers, the text and HTML parts).

/** A message as the server accepted it. */
export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  /** Header names in lower case, values unfolded and their encoded words decoded. */
  readonly headers: Readonly<Record<string, string>>;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly raw: string;
  /** `performance.now()` when the server accepted the message (after its DATA). */
  readonly acceptedAt: number;
}

export interface SmtpTestServerOptions {
  /** Refuse the next messages with this reply (e.g. 451 for a transient failure, 550 for a refusal); undefined accepts. */
  readonly refuse?: () => { code: number; message: string } | undefined;
  /** Required credentials: connections must authenticate with these. */
  readonly auth?: { readonly user: string; readonly pass: string };
}

export class SmtpTestServer {
  private readonly arrivals = new Arrivals<ReceivedMail>();
  /** Everything accepted so far, oldest first (a test may empty it between cases). */
  readonly received = this.arrivals.received;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  /** Starts the server on 127.0.0.1, port 0. */
  static async start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    let self: SmtpTestServer | undefined;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const refusal = options.refuse?.();
          if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          const raw = Buffer.concat(chunks).toString('utf8');
          self!.accept(
            readMail(
              raw,
              session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    self = new SmtpTestServer(server, (server.server.address() as AddressInfo).port);
    return self;
  }

  /** The smtp:// URL nodemailer and `SWITCHBOARD_SMTP_URL` take. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves once `count` messages in all have been accepted. */
  untilReceived(count: number): Promise<readonly ReceivedMail[]> {
    return this.arrivals.until(count);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(mail: Omit<ReceivedMail, 'acceptedAt'>): void {
    this.arrivals.add({ ...mail, acceptedAt: performance.now() });
  }
}

/** Headers and the text/HTML parts of a message as nodemailer writes it (one level of multipart). */
export function readMail(raw: string, envelopeFrom: string, envelopeTo: readonly string[]): Omit<ReceivedMail, 'acceptedAt'> {
  const { headers, body } = splitHeaders(raw);
  const parts = partsOf(headers, body);
  const text = parts.find((p) => p.type.startsWith('text/plain'))?.content ?? '';
  const html = parts.find((p) => p.type.startsWith('text/html'))?.content;
  return { envelopeFrom, envelopeTo, headers, subject: headers.subject ?? '', text, html, raw };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function partsOf(headers: Record<string, string>, body: string): { type: string; content: string }[] {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.startsWith('multipart/') || !boundary) return [{ type, content: decodeBody(body, headers['content-transfer-encoding']) }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => {
      const part = splitHeaders(chunk.replace(/^\r?\n/, ''));
      return partsOf(part.headers, part.body);
    });
}

function decodeBody(body: string, encoding = '7bit'): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return quotedPrintable(body.replace(/=\r?\n/g, ''));
  return body;
}

const quotedPrintable = (text: string): string =>
  Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), adjacent ones joined. */
const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : quotedPrintable(text.replace(/_/g, ' ')),
    );
