import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { CompletionMetricsController } from './completion-metrics.controller';
import { CompletionReporter } from './completion-report';

/** GET /metrics/completion from the read models: now, or at a past moment from the temporal read model. */
@Module({ imports: [ReadYourWritesModule], controllers: [CompletionMetricsController], providers: [CompletionReporter] })
export class ReportingModule {}
