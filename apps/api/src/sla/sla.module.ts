import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { EscalationsController } from './escalations.controller';
import { SlaWatchService } from './sla-watch.service';

/** The SLA watcher of the embedded default and GET /escalations. Import it after ReadModelsModule: it must stop first. */
@Module({
  imports: [TicketsModule],
  controllers: [EscalationsController],
  providers: [SlaWatchService],
})
export class SlaModule {}
