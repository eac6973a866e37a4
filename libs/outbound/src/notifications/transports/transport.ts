// The two ways a notice leaves: an e-mail to an SMTP server, a text message through an SMS
// provider. A transport reports whether the receiver accepted the message and, when it did not,
// whether trying again can help (a busy server, a network failure) or cannot (a refused address).

export type TransportResult =
  { readonly accepted: true; readonly detail: string } | { readonly accepted: false; readonly error: string; readonly retryable: boolean };

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** The Message-ID header: the same for every attempt of one delivery, so a receiver can drop a duplicate. */
  readonly messageId: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface EmailTransport {
  /** Where it sends, for the start banner and logs (no password). */
  readonly describe: string;
  send(message: EmailMessage): Promise<TransportResult>;
  close(): Promise<void>;
}

export interface SmsMessage {
  /** E.164 (`+19785550142`). */
  readonly to: string;
  readonly body: string;
}

export interface SmsTransport {
  readonly describe: string;
  send(message: SmsMessage): Promise<TransportResult>;
  close(): Promise<void>;
}
