import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';

/** The director's webhook routes; the consumer that delivers is the OutboundModule's. */
@Module({ imports: [ReadYourWritesModule], controllers: [WebhookSubscriptionsController] })
export class WebhooksModule {}
