import type { SmsMessage, SmsTransport, TransportResult } from './transport';

/** Twilio's Messages API: the account, its auth token, the sending number, and the API's base URL (a compatible provider's, or a local test server's). */
export interface TwilioSettings {
  readonly accountSid: string;
  readonly authToken: string;
  /** The sending number (E.164) or a Messaging Service SID (`MG…`). */
  readonly from: string;
  /** Default https://api.twilio.com. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

export const TWILIO_BASE_URL = 'https://api.twilio.com';

/**
 * The SMS provider adapter for Twilio's documented Messages API: POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From (or MessagingServiceSid)
 * and Body, HTTP basic auth with the account SID and auth token. 201 is accepted (the message's
 * sid is kept as the detail); 429 and 5xx, or no answer, are worth another attempt; any other 4xx
 * (a bad number, a bad credential) is not.
 */
export class TwilioSmsTransport implements SmsTransport {
  readonly describe: string;
  private readonly endpoint: string;
  private readonly authorization: string;

  constructor(private readonly settings: TwilioSettings) {
    const base = (settings.baseUrl ?? TWILIO_BASE_URL).replace(/\/+$/, '');
    this.endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
    this.describe = `SMS through the Twilio Messages API at ${base} (account ${settings.accountSid}) from ${settings.from}`;
  }

  async send(message: SmsMessage): Promise<TransportResult> {
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    form.set(this.settings.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', this.settings.from);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { authorization: this.authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return { accepted: false, error: `no answer from the SMS provider: ${(error as Error).message}`, retryable: true };
    }
    const body = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
    if (response.status === 201 || response.status === 200) return { accepted: true, detail: body.sid ?? `HTTP ${response.status}` };
    const error = `SMS provider answered ${response.status}${body.code ? ` (${body.code})` : ''}: ${body.message ?? response.statusText}`;
    return { accepted: false, error, retryable: response.status === 429 || response.status >= 500 };
  }

  async close(): Promise<void> {}
}

/**
 * A phone number as a resident gave it (`978 555 0142`, `(978) 555-0142`, `+34 600 000 000`) in
 * E.164, with the city's country calling code for national numbers; undefined when it cannot be one.
 */
export function e164PhoneNumber(phone: string, countryCode: string): string | undefined {
  const digits = phone.replace(/[^\d]/g, '');
  const international = phone.trim().startsWith('+') || phone.trim().startsWith('00');
  const number = international
    ? digits.replace(/^00/, '')
    : digits.startsWith(countryCode) && digits.length > 10
      ? digits
      : `${countryCode}${digits.replace(/^0/, '')}`;
  return /^[1-9]\d{7,14}$/.test(number) ? `+${number}` : undefined;
}
