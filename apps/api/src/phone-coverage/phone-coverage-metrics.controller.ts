import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidQueryParameterError, phoneCoverageReport, type ReadStore } from '@switchboard/read-models';
import { type Actor, phoneCoverageDepartmentFor, type ServiceCatalog } from '@switchboard/ticketing';
import { assertMayRead } from '../auth/read-access';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { DepartmentNotFound } from '../errors/api-exceptions';
import { READ_STORE } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { PhoneCoverageReport } from './phone-coverage-answers.dto';
import { PhoneCoverageQueryDto } from './phone-coverage-query.dto';

/** The longest report: a year and a day of local dates (each department's day is worked out in memory). */
const MAX_RANGE_MS = 367 * 86_400_000;

/**
 * The director's phone coverage report (docs/metrics.md, "Phone coverage") by department and
 * local date: City Hall minutes with nobody scheduled or available, transfers that reached
 * nobody, late callbacks. The director sees every department (or the one asked for), a
 * department head their own (`phoneCoverageReportsAreForTheDirectorAndDepartmentHeads`).
 */
@ApiTags('reporting')
@Controller('metrics/phone-coverage')
export class PhoneCoverageMetricsController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @ApiOkResponse({ type: PhoneCoverageReport })
  async report(@Query() query: PhoneCoverageQueryDto, @CurrentActor() actor: Actor): Promise<PhoneCoverageReport> {
    assertMayRead('phoneCoverageReportsAreForTheDirectorAndDepartmentHeads', actor, { department: query.department });
    const department = phoneCoverageDepartmentFor(actor, query.department);
    if (department !== undefined && !this.catalog.department(department)) throw new DepartmentNotFound(department);
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (!(from < to)) throw new InvalidQueryParameterError('from', 'must be a date before to');
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw new InvalidQueryParameterError('to', 'must be at most 367 days after from');
    await this.readYourWrites.reach(query.position);
    const calendar = this.catalog.config.calendar;
    const departments = department !== undefined ? [department] : this.catalog.departments().map((d) => d.code);
    const days = await phoneCoverageReport(this.readStore.db, { from, to, now: this.clock.now(), departments, calendar });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: calendar.timeZone,
      department: department ?? null,
      days: days.map((day) => ({ ...day, gaps: [...day.gaps] })),
    };
  }
}
