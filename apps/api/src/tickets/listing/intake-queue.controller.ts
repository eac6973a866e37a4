import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReadModels } from '@switchboard/read-models';
import { type Actor, intakeActionsFor, type ServiceCatalog } from '@switchboard/ticketing';
import { assertMayRead } from '../../auth/read-access';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CATALOG } from '../../catalog/catalog.module';
import { CLOCK, type Clock } from '../../clock/clock';
import { READ_MODELS } from '../../read-models/read-models.module';
import { ReadYourWrites } from '../../read-your-writes/read-your-writes';
import { IntakeQueueQueryDto } from './intake-queue-query.dto';
import { IntakeQueueView } from './intake-queue.dto';

@ApiTags('queues')
@Controller('intake')
export class IntakeQueueController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** 311's intake queue: tickets waiting for triage (services the catalog does not route on open), urgent first, then the longest waiting. */
  @Get('queue')
  @ApiOkResponse({ type: IntakeQueueView })
  async queue(@Query() query: IntakeQueueQueryDto, @CurrentActor() actor: Actor): Promise<IntakeQueueView> {
    assertMayRead('theIntakeQueueIsFor311AndTheDirector', actor, {});
    await this.readYourWrites.reach(query.position);
    const now = this.clock.now();
    const entries = await this.readModels.intakeQueue({ now, limit: query.limit === undefined ? undefined : Number(query.limit) });
    const { reopenWindowDays } = this.catalog.config.policies;
    return {
      asOf: now.toISOString(),
      entries: entries.map((entry) => ({
        ...entry,
        ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(entry.openedAt)) / 1000)),
        actions: intakeActionsFor(entry, actor, now, reopenWindowDays),
      })),
    };
  }
}
