import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidQueryParameterError, type ReadModels } from '@switchboard/read-models';
import { type Actor, escalationsDepartmentFor, type ServiceCatalog } from '@switchboard/ticketing';
import { momentOf } from '../as-of/as-of';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertMayRead } from '../auth/read-access';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { DepartmentNotFound } from '../errors/api-exceptions';
import { READ_MODELS } from '../read-models/read-models.module';
import { EscalationsPage } from './escalations-page.dto';
import { EscalationsQueryDto } from './escalations-query.dto';

@ApiTags('queries')
@Controller('escalations')
export class EscalationsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
  ) {}

  /**
   * Open escalated, late and at-risk tickets, late the longest first: all departments for the
   * director, their own for a department head. With asOf or knownAt, the list as it was then (one
   * page), from the temporal read model.
   */
  @Get()
  @ApiOkResponse({ type: EscalationsPage })
  async escalations(@Query() query: EscalationsQueryDto, @CurrentActor() actor: Actor): Promise<EscalationsPage> {
    if (query.department !== undefined && !this.catalog.department(query.department)) throw new DepartmentNotFound(query.department);
    assertMayRead('escalationsAreForTheDirectorAndDepartmentHeads', actor, { department: query.department });
    const department = escalationsDepartmentFor(actor, query.department);
    const now = this.clock.now();
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    const moment = momentOf(query, now);
    if (!moment) {
      const page = await this.readModels.escalations({ now, department, limit, cursor: query.cursor });
      return { ...page, asOf: now.toISOString(), moment: 'now', source: 'read-models' };
    }
    if (query.cursor !== undefined) {
      throw new InvalidQueryParameterError('cursor', `cannot be combined with ${moment.axis}: a list at a past moment is one page (raise limit, up to 200).`);
    }
    const tickets = await this.readModels.escalationsAt(moment, { department, limit });
    return { tickets, nextCursor: null, asOf: moment.at.toISOString(), moment: moment.axis, source: 'temporal' };
  }
}
