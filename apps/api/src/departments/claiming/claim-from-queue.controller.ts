import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { ReadYourWrites } from '../../read-your-writes/read-your-writes';
import { type CommandMeta, CommandMetadata } from '../../tickets/command-handling/command-meta';
import { CommandResultDto } from '../../tickets/command-handling/command-result.dto';
import { KnownDepartmentPipe } from '../known-department.pipe';
import { assertMayRead } from '../../auth/read-access';
import { ClaimQueryDto } from './claim-query.dto';
import { QueueClaimer } from './queue-claimer';

@ApiTags('queues')
@Controller('departments')
export class ClaimFromQueueController {
  constructor(
    private readonly claimer: QueueClaimer,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Gives the caller the next unclaimed ticket of the queue and starts work on it (409 NothingToClaim when none is left). */
  @Post(':id/queue/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  async claim(
    @Param('id', KnownDepartmentPipe) department: string,
    @Query() query: ClaimQueryDto,
    @Req() request: AuthenticatedRequest,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<CommandResultDto> {
    assertMayRead('onlyTheDepartmentClaimsFromItsQueue', request.actor, { department });
    await this.readYourWrites.reach(query.position);
    const retryable = request.headers['idempotency-key'] !== undefined;
    return this.claimer.claim(department, request.actor, request.id, retryable ? meta.commandId : undefined);
  }
}
