import { Module } from '@nestjs/common';
import { AsOfModule } from '../as-of/as-of.module';
import { TicketsModule } from '../tickets/tickets.module';
import { EscalationsController } from './escalations.controller';
import { SlaWatchService } from './sla-watch.service';

/** The SLA watcher of the embedded default and GET /escalations. Import it after ReadModelsModule: it must stop first. */
@Module({
  imports: [TicketsModule, AsOfModule],
  controllers: [EscalationsController],
  providers: [SlaWatchService],
})
export class SlaModule {}
