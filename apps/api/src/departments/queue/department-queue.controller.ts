import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReadModels } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../../catalog/catalog.module';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CLOCK, type Clock } from '../../clock/clock';
import { READ_MODELS } from '../../read-models/read-models.module';
import { ReadYourWrites } from '../../read-your-writes/read-your-writes';
import { KnownDepartmentPipe } from '../known-department.pipe';
import { assertMayRead } from '../../auth/read-access';
import { DepartmentQueueView } from './department-queue.dto';
import { queueEntryView } from './queue-entry';
import { QueueQueryDto } from './queue-query.dto';

@ApiTags('queues')
@Controller('departments')
export class DepartmentQueueController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Open tickets of the department in queue order (escalation tier, priority, due time); `mine=true` for the caller's own. */
  @Get(':id/queue')
  @ApiOkResponse({ type: DepartmentQueueView })
  async queue(@Param('id', KnownDepartmentPipe) department: string, @Query() query: QueueQueryDto, @CurrentActor() actor: Actor): Promise<DepartmentQueueView> {
    assertMayRead('aQueueIsReadByItsDepartment311AndTheDirector', actor, { department });
    await this.readYourWrites.reach(query.position);
    const now = this.clock.now();
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    const entries = await this.readModels.departmentQueue(department, { assignee: query.mine === 'true' ? actor.id : undefined, now, limit });
    return {
      department,
      asOf: now.toISOString(),
      entries: entries.map((entry) => queueEntryView(entry, actor, now, this.catalog.config.policies.reopenWindowDays)),
    };
  }
}
