import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertMayRead } from '../auth/read-access';
import { AuditCheckpointsService } from './audit-checkpoints.service';
import { LatestCheckpointDto } from './latest-checkpoint.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly checkpoints: AuditCheckpointsService) {}

  /**
   * The event log's latest signed checkpoint and whether it holds against the live log now
   * (docs/audit.md): the chain is verified up to it from the last checkpoint this process
   * verified, so the answer reads the events signed since. The director's.
   */
  @Get('checkpoints/latest')
  @ApiOkResponse({ type: LatestCheckpointDto })
  latest(@CurrentActor() actor: Actor): Promise<LatestCheckpointDto> {
    assertMayRead('theLogsCheckpointsAreForTheDirector', actor, {});
    return this.checkpoints.latest();
  }
}
