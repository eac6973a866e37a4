import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { type Notifications, notificationsFor } from '@switchboard/outbound';
import type { ReadStore } from '@switchboard/read-models';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { RESIDENT_KEYS } from '../privacy/resident-keys.module';
import { READ_STORE } from '../read-models/read-models.module';

/** Injection token of this process's Notifications: the resident and staff destinations the outbound consumer delivers to. */
export const NOTIFICATIONS = 'switchboard:Notifications';

/** The notifications of the configured channels; a channel that is on needs an unsubscribe secret every process shares. */
export const notificationsProvider = {
  provide: NOTIFICATIONS,
  inject: [API_CONFIG, EVENT_STORE, READ_STORE, RESIDENT_KEYS, CATALOG, CLOCK],
  useFactory: (config: ApiConfig, eventStore: EventStore, readStore: ReadStore, keys: ResidentKeyStore, catalog: ServiceCatalog, clock: Clock): Notifications =>
    notificationsFor(config.notifications, config.eventStoreUrl, {
      eventStore,
      readStore,
      keys,
      catalog,
      fallbackPublicUrl: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
      now: () => clock.now(),
    }),
};

/** Closes the SMTP pool when the API stops (after the outbound consumer, which stops on module destroy). */
@Injectable()
export class NotificationsShutdown implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATIONS) private readonly notifications: Notifications) {}

  async onApplicationShutdown(): Promise<void> {
    await this.notifications.close().catch((error: unknown) => new Logger('Notifications').warn(String(error)));
  }
}
