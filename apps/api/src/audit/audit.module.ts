import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditCheckpointsService } from './audit-checkpoints.service';

/** The event log's periodic checkpoints in the embedded default, and GET /audit/checkpoints/latest. Import it after ReadModelsModule: it must stop first. */
@Module({
  controllers: [AuditController],
  providers: [AuditCheckpointsService],
})
export class AuditModule {}
