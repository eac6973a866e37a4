import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AvailabilityCommandHandler, RecordCommandResult } from '@switchboard/command-handling';
import { allowedAvailabilityCommands, isAvailableAt } from '@switchboard/knowledge';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CLOCK, type Clock } from '../clock/clock';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { MyAvailabilityView } from './phone-coverage-answers.dto';
import { MarkAvailabilityDto } from './phone-coverage-query.dto';
import { AVAILABILITY_COMMANDS } from './phone-coverage.providers';

/** Staff mark themselves available or away on their department's line; only themselves (`staffMarkOnlyThemselves`). */
@ApiTags('phone coverage')
@Controller('staff/me/availability')
export class AvailabilityController {
  constructor(
    @Inject(AVAILABILITY_COMMANDS) private readonly availability: AvailabilityCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The caller's availability as its own stream has it, and what they may mark now. */
  @Get()
  @ApiOkResponse({ type: MyAvailabilityView })
  async mine(@CurrentActor() actor: Actor): Promise<MyAvailabilityView> {
    const { state, revision } = await this.availability.load(actor.id);
    const now = this.clock.now();
    return {
      staffId: actor.id,
      status: state.status,
      available: isAvailableAt(state, now),
      department: state.department ?? null,
      since: state.since ?? null,
      until: state.until ?? null,
      revision: revision ?? null,
      allowedActions: allowedAvailabilityCommands(state, actor, now),
    };
  }

  /** `{ "status": "available" }` answers the caller's department line from now, until away or the end of the day; `{ "status": "away" }` stops. */
  @Post()
  @HttpCode(200)
  mark(@Body() body: MarkAvailabilityDto, @CurrentActor() actor: Actor, @CommandMetadata() meta: CommandMeta): Promise<RecordCommandResult> {
    const command =
      body.status === 'available'
        ? // A caller without a department (an operator, the director) is refused by who may, not asked for one.
          { type: 'MarkAvailable' as const, staffId: actor.id, department: actor.department ?? '311' }
        : { type: 'MarkAway' as const, staffId: actor.id };
    return this.availability.execute(command, meta);
  }
}
