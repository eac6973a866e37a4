import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { phoneLineNow, type ReadStore } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { assertMayRead } from '../auth/read-access';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { KnownDepartmentPipe } from '../departments/known-department.pipe';
import { READ_STORE } from '../read-models/read-models.module';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { LineNowView } from './phone-coverage-answers.dto';

/** Who answers a department's line now: for the desk's transfers. */
@ApiTags('phone coverage')
@Controller('departments/:id/phone-coverage')
export class LineNowController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The staff the roster schedules now and those marked available now; available first. */
  @Get('now')
  @ApiOkResponse({ type: LineNowView })
  async now(@Param('id', KnownDepartmentPipe) department: string, @Query() query: ReadPositionQuery, @CurrentActor() actor: Actor): Promise<LineNowView> {
    assertMayRead('aPhoneLineIsFor311TheDirectorAndItsDepartment', actor, { department });
    await this.readYourWrites.reach(query.position);
    const at = this.clock.now();
    const line = await phoneLineNow(this.readStore.db, department, this.catalog.calendar, at);
    return { department, at: at.toISOString(), cityHallOpen: line.cityHallOpen, answerers: [...line.answerers] };
  }
}
