import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Arrivals } from './arrivals';

// A local HTTP server that implements the one endpoint of Twilio's documented Messages API the
// SMS adapter uses — POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From
// and Body, HTTP basic auth with the account SID and auth token — and answers as Twilio documents
// (201 with the Message resource; 400/401 with `code`, `message`, `more_info`, `status`). It is a
// test double of Twilio's wire contract for tests and benches, not Twilio.

export interface ReceivedSms {
  readonly accountSid: string;
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly acceptedAt: number;
}

export interface TwilioCompatibleServerOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** Answer the next requests with this status instead (e.g. 503 or 429, which the adapter retries); undefined accepts. */
  readonly fail?: () => number | undefined;
}

const E164 = /^\+[1-9]\d{1,14}$/;

export class TwilioCompatibleServer {
  private readonly arrivals = new Arrivals<ReceivedSms>();
  /** Everything accepted so far, oldest first (a test may empty it between cases). */
  readonly received = this.arrivals.received;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(options: TwilioCompatibleServerOptions): Promise<TwilioCompatibleServer> {
    let self: TwilioCompatibleServer | undefined;
    const server = createServer((request, response) => {
      void answer(request, response, options, (sms) => self!.accept(sms));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    self = new TwilioCompatibleServer(server, (server.address() as AddressInfo).port);
    return self;
  }

  /** The base URL the adapter takes in place of https://api.twilio.com. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  untilReceived(count: number): Promise<readonly ReceivedSms[]> {
    return this.arrivals.until(count);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(sms: ReceivedSms): void {
    this.arrivals.add(sms);
  }
}

async function answer(request: IncomingMessage, response: ServerResponse, options: TwilioCompatibleServerOptions, accept: (sms: ReceivedSms) => void) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const problem = (status: number, code: number, message: string) =>
    reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  const path = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.url ?? '');
  if (!path) return problem(404, 20404, 'The requested resource was not found');
  if (request.method !== 'POST') return problem(405, 20004, 'Method not allowed');
  const [user, pass] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
    .toString('utf8')
    .split(':');
  if (user !== options.accountSid || pass !== options.authToken || path[1] !== options.accountSid) return problem(401, 20003, 'Authenticate');
  const failure = options.fail?.();
  if (failure !== undefined) return problem(failure, failure === 429 ? 20429 : 20500, failure === 429 ? 'Too Many Requests' : 'Internal Server Error');
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return problem(400, 20001, 'Content-Type must be form-encoded');
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const to = form.get('To') ?? '';
  // Documented: a sending number (From) or a Messaging Service (MessagingServiceSid) is required.
  const from = form.get('From') ?? form.get('MessagingServiceSid') ?? '';
  const body = form.get('Body') ?? '';
  if (!to) return problem(400, 21604, "A 'To' phone number is required.");
  if (!E164.test(to)) return problem(400, 21211, `Invalid 'To' Phone Number: ${to}`);
  if (!from) return problem(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.");
  if (!body) return problem(400, 21602, 'Message body is required.');
  if (body.length > 1600) return problem(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
  const sid = `SM${randomBytes(16).toString('hex')}`;
  accept({ accountSid: path[1], sid, to, from, body, acceptedAt: performance.now() });
  const now = new Date().toUTCString();
  reply(201, {
    sid,
    account_sid: path[1],
    to,
    from,
    body,
    status: 'queued',
    num_segments: String(Math.ceil(body.length / 153) || 1),
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: now,
    date_updated: now,
    date_sent: null,
    error_code: null,
    error_message: null,
    uri: `/2010-04-01/Accounts/${path[1]}/Messages/${sid}.json`,
  });
}
