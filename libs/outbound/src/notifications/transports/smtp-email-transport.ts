import { createTransport } from 'nodemailer';
import type { EmailMessage, EmailTransport, TransportResult } from './transport';

/** An SMTP server to relay through: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
export interface SmtpSettings {
  readonly url: string;
  /** The From header: `Harrowfield 311 <311@harrowfield.example.gov>`. */
  readonly from: string;
  /** Connections kept open to the server (nodemailer's pool). */
  readonly maxConnections?: number;
}

/** Connection-level failures nodemailer reports by code: the server may be back on the next attempt. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** The URL without its password, for banners and logs. */
export const smtpUrlWithoutPassword = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * Sends through nodemailer's SMTP pool. A 4xx reply or a connection failure is worth another
 * attempt; a 5xx reply (an address refused, a message rejected) is not.
 */
export class SmtpEmailTransport implements EmailTransport {
  private readonly mailer;
  readonly describe: string;

  constructor(private readonly settings: SmtpSettings) {
    const url = new URL(settings.url);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`An SMTP URL is smtp:// or smtps:// (got ${url.protocol}).`);
    this.mailer = createTransport({
      pool: true,
      maxConnections: settings.maxConnections ?? 5,
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.describe = `SMTP ${smtpUrlWithoutPassword(settings.url)} as ${settings.from}`;
  }

  async send(message: EmailMessage): Promise<TransportResult> {
    try {
      const info = await this.mailer.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers as Record<string, string> | undefined,
      });
      if (info.rejected.length > 0) return { accepted: false, error: `refused: ${info.response}`, retryable: false };
      return { accepted: true, detail: info.response };
    } catch (error) {
      return failureOf(error);
    }
  }

  async close(): Promise<void> {
    this.mailer.close();
  }
}

function failureOf(error: unknown): TransportResult {
  const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
  const text = message ?? String(error);
  if (typeof responseCode === 'number') return { accepted: false, error: `SMTP ${responseCode}: ${text}`, retryable: responseCode < 500 };
  return { accepted: false, error: text, retryable: code === undefined || TRANSIENT_CODES.has(code) };
}
