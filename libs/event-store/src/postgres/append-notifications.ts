import { Client, type ClientConfig } from 'pg';
import { backoffDelay, type BackoffOptions } from '../esdb/backoff';
import { APPENDED_CHANNEL } from './schema';

/**
 * Wakes subscriptions when events are appended: at once for this process's own appends, and through
 * LISTEN for other processes' (the append trigger notifies with the log's schema). The listening
 * connection is opened with the first subscriber and reopened after it drops; every (re)connect
 * wakes everyone, since notifications sent while it was down are lost. Subscriptions also poll, so
 * a lost notification only delays delivery.
 */
export class AppendNotifications {
  private readonly listeners = new Set<() => void>();
  private client: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly schema: () => string | undefined,
    private readonly backoff: BackoffOptions,
  ) {}

  /** Registers a wake-up call; returns its removal. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.reconnect) void this.listen();
    return () => this.listeners.delete(listener);
  }

  /** Wakes every subscriber. */
  wake(): void {
    this.listeners.forEach((listener) => listener());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client(this.config);
    this.client = client;
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => undefined);
      this.retryLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.payload === this.schema()) this.wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      if (this.client !== client) {
        // Closed (or given up) while connecting.
        await client.end().catch(() => undefined);
        return;
      }
      this.attempt = 0;
      this.wake();
    } catch {
      lost();
    }
  }

  private retryLater(): void {
    if (this.closed || this.reconnect) return;
    this.reconnect = setTimeout(
      () => {
        this.reconnect = undefined;
        void this.listen();
      },
      backoffDelay(this.attempt++, this.backoff),
    );
    this.reconnect.unref();
  }
}
