import { Global, Module } from '@nestjs/common';
import type { Notifications } from '@switchboard/outbound';
import { NOTIFICATIONS, notificationsProvider, NotificationsShutdown } from './notifications.providers';
import { StaffNotificationPreferencesController } from './staff-notification-preferences.controller';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * The outbound module's token for more destinations (`OUTBOUND_DESTINATIONS` of outbound.module.ts),
 * spelt here so this module does not import that one: a string token is the same token to Nest.
 */
const OUTBOUND_DESTINATIONS = 'switchboard:OutboundDestinations';

/**
 * Residents' and staff's notifications: the destinations the outbound consumer delivers to
 * (global, so the outbound module finds them as OUTBOUND_DESTINATIONS), the unsubscribe link's
 * routes and the staff's notification preferences.
 */
@Global()
@Module({
  controllers: [UnsubscribeController, StaffNotificationPreferencesController],
  providers: [
    notificationsProvider,
    { provide: OUTBOUND_DESTINATIONS, inject: [NOTIFICATIONS], useFactory: (notifications: Notifications) => notifications.destinations },
    NotificationsShutdown,
  ],
  exports: [NOTIFICATIONS, OUTBOUND_DESTINATIONS],
})
export class NotificationsModule {}
