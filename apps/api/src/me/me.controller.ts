import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CompletionGrouping, readAccessOf, type Role, type ServiceCatalog } from '@switchboard/ticketing';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { OpenToResidents } from '../auth/resident-boundary';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';

/** What the caller may read and claim, judged by the domain's read rules (the API enforces the same). */
export interface MeMay {
  /** Departments whose queue and live feed the caller may read. */
  readonly readQueuesOf: string[];
  /** Departments whose queue the caller may claim from (claiming starts work). */
  readonly claimFromQueuesOf: string[];
  /** Groupings of GET /metrics/completion open to the caller; empty when the report is not. */
  readonly completionMetricsBy: CompletionGrouping[];
  /** Whether GET /escalations answers the caller. */
  readonly escalations: boolean;
  /** Whether the staff API (and the console) is open to the caller; resident tokens use Open311. */
  readonly staffApi: boolean;
}

/** GET /me: who the token stands for, what they may read, and the API's current instant. */
export interface MeView {
  readonly id: string;
  /** The users file's `name` or the JWT's `name` claim; the id when there is none. */
  readonly name: string;
  readonly role: Role;
  /** The department of staff and department heads; null for everyone else. */
  readonly department: string | null;
  readonly may: MeMay;
  /** The API clock's current instant (ISO-8601), e.g. for "as of" pickers and ages. */
  readonly now: string;
}

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
      staffApi: access.staffApi,
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
