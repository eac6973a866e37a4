import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { readAccessOf, type ServiceCatalog } from '@switchboard/ticketing';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { OpenToResidents } from '../auth/resident-boundary';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { MeMay, MeView } from './me-view.dto';

@ApiTags('session')
@OpenToResidents()
@Controller('me')
export class MeController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
  ) {}

  /** The signed-in caller: any authenticated role. */
  @Get()
  @ApiOkResponse({ type: MeView })
  me(@Req() request: AuthenticatedRequest): MeView {
    const { actor } = request;
    const access = readAccessOf(
      actor,
      this.catalog.departments().map((department) => department.code),
    );
    const may: MeMay = {
      readQueuesOf: [...access.readQueuesOf],
      claimFromQueuesOf: [...access.claimFromQueuesOf],
      completionMetricsBy: [...access.completionMetricsBy],
      escalations: access.escalations,
      contactMetrics: access.contactMetrics,
      staffApi: access.staffApi,
      phoneLinesOf: [...access.phoneLinesOf],
      phoneCoverageReports: access.phoneCoverageReports,
      intakeQueue: access.intakeQueue,
      residentLookUp: access.residentLookUp,
    };
    return {
      id: actor.id,
      name: request.callerName ?? actor.id,
      role: actor.role,
      department: actor.department ?? null,
      may,
      now: this.clock.now().toISOString(),
    };
  }
}
