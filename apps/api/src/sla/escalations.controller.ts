import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { escalationsAmong, InvalidQueryParameterError, type ReadModels } from '@switchboard/read-models';
import { type Actor, escalationsDepartmentFor, type ServiceCatalog } from '@switchboard/ticketing';
import { pastInstant } from '../as-of/as-of';
import { AsOfReplays } from '../as-of/as-of-replays';
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
    private readonly replays: AsOfReplays,
  ) {}

  /**
   * Open escalated, late and at-risk tickets, late the longest first: all departments for the
   * director, their own for a department head. With asOf, the list as it was then (one page).
   */
  @Get()
  @ApiOkResponse({ type: EscalationsPage })
  async escalations(@Query() query: EscalationsQueryDto, @CurrentActor() actor: Actor): Promise<EscalationsPage> {
    if (query.department !== undefined && !this.catalog.department(query.department)) throw new DepartmentNotFound(query.department);
    assertMayRead('escalationsAreForTheDirectorAndDepartmentHeads', actor, { department: query.department });
    const department = escalationsDepartmentFor(actor, query.department);
    const now = this.clock.now();
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    if (query.asOf === undefined) {
      const page = await this.readModels.escalations({ now, department, limit, cursor: query.cursor });
      return { ...page, asOf: now.toISOString(), source: 'read-models' };
    }
    const asOf = pastInstant(query.asOf, now);
    if (query.cursor !== undefined)
      throw new InvalidQueryParameterError('cursor', 'cannot be combined with asOf: a list as of a past moment is one page (raise limit, up to 200).');
    const tickets = escalationsAmong((await this.replays.ticketsAsOf(asOf)).open, this.catalog, { now: asOf, department, limit });
    return { tickets, nextCursor: null, asOf: asOf.toISOString(), source: 'replay' };
  }
}
