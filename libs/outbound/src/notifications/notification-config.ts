import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EventStore } from '@switchboard/event-store';
import { parseEventStoreUrl } from '@switchboard/event-store';
import type { ReadStore } from '@switchboard/read-models';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import type { OutboundDestination } from '../destination';
import type { NotificationContext } from './notification-settings';
import { ResidentNotificationDestination } from './resident-notification-destination';
import { StaffNotificationDestination } from './staff-notification-destination';
import { SmtpEmailTransport, type SmtpSettings, smtpUrlWithoutPassword } from './transports/smtp-email-transport';
import { TWILIO_BASE_URL, type TwilioSettings, TwilioSmsTransport } from './transports/twilio-sms-transport';

// Notifications as configured by SWITCHBOARD_* variables (docs/operations.md, "Notifications"),
// read by the API and the projector alike: e-mail is on when an SMTP server is named, text
// messages when a provider's account is; everything else has a default.

export interface NotificationSettings {
  /** SWITCHBOARD_SMTP_URL and SWITCHBOARD_SMTP_FROM: absent, e-mail is off. */
  readonly smtp?: SmtpSettings;
  /** SWITCHBOARD_SMS_PROVIDER=twilio with SWITCHBOARD_TWILIO_*: absent, text messages are off. */
  readonly twilio?: TwilioSettings;
  /** SWITCHBOARD_SMS_COUNTRY_CODE: the calling code of national numbers (default 1). */
  readonly smsCountryCode: string;
  /** SWITCHBOARD_CITY_NAME: in every subject and text (default: the display name of SWITCHBOARD_SMTP_FROM, else "City 311"). */
  readonly cityName?: string;
  /** SWITCHBOARD_PUBLIC_URL: where residents' links and staff's console links point (default http://<host>:<port>). */
  readonly publicUrl?: string;
  /** SWITCHBOARD_UNSUBSCRIBE_SECRET: signs unsubscribe links (hex or base64, 32 bytes or more); default a file beside a SQLite log. */
  readonly unsubscribeSecret?: Uint8Array;
}

/** Reads the notification settings; every bad variable is added to `problems` in words naming it. */
export function notificationSettingsOf(env: NodeJS.ProcessEnv, problems: string[]): NotificationSettings {
  const smtpUrl = env.SWITCHBOARD_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) problems.push('SWITCHBOARD_SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587)');
  if (smtpUrl && !env.SWITCHBOARD_SMTP_FROM)
    problems.push('SWITCHBOARD_SMTP_FROM is required with SWITCHBOARD_SMTP_URL (e.g. "Harrowfield 311 <311@harrowfield.gov>")');
  const connections = Number(env.SWITCHBOARD_SMTP_CONNECTIONS || 5);
  if (!Number.isInteger(connections) || connections < 1 || connections > 50)
    problems.push(`SWITCHBOARD_SMTP_CONNECTIONS=${env.SWITCHBOARD_SMTP_CONNECTIONS} must be an integer from 1 to 50`);
  const provider = env.SWITCHBOARD_SMS_PROVIDER || undefined;
  if (provider && provider !== 'twilio')
    problems.push(`SWITCHBOARD_SMS_PROVIDER=${provider} must be twilio (the Twilio Messages API, or a provider that speaks it)`);
  const twilio = provider === 'twilio' ? twilioOf(env, problems) : undefined;
  const countryCode = env.SWITCHBOARD_SMS_COUNTRY_CODE || '1';
  if (!/^[1-9]\d{0,2}$/.test(countryCode)) problems.push(`SWITCHBOARD_SMS_COUNTRY_CODE=${countryCode} must be a country calling code such as 1 or 34`);
  const publicUrl = env.SWITCHBOARD_PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) problems.push(`SWITCHBOARD_PUBLIC_URL=${publicUrl} must be an http(s) URL`);
  return {
    smtp: smtpUrl && env.SWITCHBOARD_SMTP_FROM ? { url: smtpUrl, from: env.SWITCHBOARD_SMTP_FROM, maxConnections: connections } : undefined,
    twilio,
    smsCountryCode: countryCode,
    cityName: env.SWITCHBOARD_CITY_NAME || undefined,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    unsubscribeSecret: secretOf(env.SWITCHBOARD_UNSUBSCRIBE_SECRET, problems),
  };
}

function twilioOf(env: NodeJS.ProcessEnv, problems: string[]): TwilioSettings | undefined {
  const accountSid = env.SWITCHBOARD_TWILIO_ACCOUNT_SID;
  const authToken = env.SWITCHBOARD_TWILIO_AUTH_TOKEN;
  const from = env.SWITCHBOARD_TWILIO_FROM;
  const missing = Object.entries({ SWITCHBOARD_TWILIO_ACCOUNT_SID: accountSid, SWITCHBOARD_TWILIO_AUTH_TOKEN: authToken, SWITCHBOARD_TWILIO_FROM: from })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) problems.push(`SWITCHBOARD_SMS_PROVIDER=twilio needs ${missing.join(', ')}`);
  const baseUrl = env.SWITCHBOARD_TWILIO_BASE_URL || undefined;
  if (baseUrl && !/^https?:\/\/[^/]/.test(baseUrl)) problems.push(`SWITCHBOARD_TWILIO_BASE_URL=${baseUrl} must be an http(s) URL`);
  return missing.length > 0 ? undefined : { accountSid: accountSid!, authToken: authToken!, from: from!, baseUrl };
}

function secretOf(raw: string | undefined, problems: string[]): Uint8Array | undefined {
  if (!raw) return undefined;
  const bytes = /^[0-9a-f]+$/i.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length < 32) problems.push('SWITCHBOARD_UNSUBSCRIBE_SECRET must be 32 bytes or more (64 hex digits, or base64)');
  return bytes;
}

export const UNSUBSCRIBE_SECRET_FILE = 'unsubscribe-secret.key';

/**
 * The secret unsubscribe links are signed with: the configured one, else a file beside a SQLite log
 * (made on first start, readable by its owner only), else one for this process (a `memory:` log).
 * Every process that serves the links or sends the notices must share it: a log elsewhere needs it
 * configured (the answer is undefined then).
 */
export function unsubscribeSecretFor(settings: NotificationSettings, eventStoreUrl: string): Uint8Array | undefined {
  if (settings.unsubscribeSecret) return settings.unsubscribeSecret;
  const config = parseEventStoreUrl(eventStoreUrl);
  if (config.adapter === 'memory') return randomBytes(32);
  if (config.adapter !== 'sqlite' || config.path === ':memory:') return undefined;
  const file = join(dirname(config.path), UNSUBSCRIBE_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** The notifications of one process: the two destinations (for the outbound consumer), what they share, and what is on. */
export interface Notifications {
  readonly context: NotificationContext;
  readonly residents: ResidentNotificationDestination;
  readonly staff: StaffNotificationDestination;
  readonly destinations: readonly OutboundDestination[];
  /** One line per channel, on or off, for the start banner. */
  readonly channels: readonly string[];
  close(): Promise<void>;
}

export interface NotificationWiring {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly keys: ResidentKeyStore;
  readonly catalog: ServiceCatalog;
  /** The API's own URL, when SWITCHBOARD_PUBLIC_URL is not set. */
  readonly fallbackPublicUrl: string;
  readonly unsubscribeSecret: Uint8Array;
  readonly now?: () => Date;
}

/** The display name of a From address (`Harrowfield 311 <311@…>` → `Harrowfield 311`). */
const displayNameOf = (from: string | undefined): string | undefined => /^\s*"?([^"<]+?)"?\s*</.exec(from ?? '')?.[1];

/** Which channels the settings turn on, one line each, for the start banner (no password, no token). */
export function notificationChannels(settings: NotificationSettings): string[] {
  const { smtp, twilio } = settings;
  return [
    smtp ? `e-mail on: SMTP ${smtpUrlWithoutPassword(smtp.url)} as ${smtp.from}` : 'e-mail off (set SWITCHBOARD_SMTP_URL and SWITCHBOARD_SMTP_FROM)',
    twilio
      ? `text messages on: the Twilio Messages API at ${twilio.baseUrl ?? TWILIO_BASE_URL} (account ${twilio.accountSid}) from ${twilio.from}`
      : 'text messages off (set SWITCHBOARD_SMS_PROVIDER=twilio and SWITCHBOARD_TWILIO_*)',
  ];
}

/** Builds the transports and both destinations from the settings. */
export function createNotifications(settings: NotificationSettings, wiring: NotificationWiring): Notifications {
  const email = settings.smtp ? new SmtpEmailTransport(settings.smtp) : undefined;
  const sms = settings.twilio ? new TwilioSmsTransport(settings.twilio) : undefined;
  const publicUrl = settings.publicUrl ?? wiring.fallbackPublicUrl;
  const context: NotificationContext = {
    email,
    sms,
    smsCountryCode: settings.smsCountryCode,
    cityName: settings.cityName ?? displayNameOf(settings.smtp?.from) ?? 'City 311',
    publicUrl,
    unsubscribeSecret: wiring.unsubscribeSecret,
    messageIdDomain: new URL(publicUrl).hostname || 'switchboard.invalid',
  };
  const residents = new ResidentNotificationDestination(wiring.eventStore, wiring.keys, wiring.catalog, context);
  const staff = new StaffNotificationDestination(wiring.eventStore, wiring.readStore, wiring.catalog, context, wiring.now);
  return {
    context,
    residents,
    staff,
    destinations: [residents, staff],
    channels: notificationChannels(settings),
    close: async () => {
      await email?.close();
      await sms?.close();
    },
  };
}

/**
 * The notifications of a process that delivers for the log at `eventStoreUrl` (the API in the
 * embedded default, the projector in production): a channel that is on needs the unsubscribe secret
 * every process shares (configured, or the file beside a SQLite log); without a channel nothing is
 * sent, so a secret of the moment signs no link anyone receives.
 */
export function notificationsFor(settings: NotificationSettings, eventStoreUrl: string, wiring: Omit<NotificationWiring, 'unsubscribeSecret'>): Notifications {
  const secret = unsubscribeSecretFor(settings, eventStoreUrl);
  if (!secret && (settings.smtp || settings.twilio)) {
    throw new Error(
      'SWITCHBOARD_UNSUBSCRIBE_SECRET is required when notifications are on and the event log is not a SQLite file (every process must sign links alike)',
    );
  }
  return createNotifications(settings, { ...wiring, unsubscribeSecret: secret ?? randomBytes(32) });
}
