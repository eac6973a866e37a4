import { Module } from '@nestjs/common';
import { AsOfModule } from '../as-of/as-of.module';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { CompletionMetricsController } from './completion-metrics.controller';
import { CompletionReporter } from './completion-report';

/** GET /metrics/completion from the read models' ticket facts, or as of a past moment from a replay of the event log. */
@Module({ imports: [ReadYourWritesModule, AsOfModule], controllers: [CompletionMetricsController], providers: [CompletionReporter] })
export class ReportingModule {}
