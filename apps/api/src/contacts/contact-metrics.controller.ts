import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ContactGroup, ContactPeriod } from '@switchboard/knowledge';
import { contactBusiestTimes, contactMetricsReport, InvalidQueryParameterError, knowledgeGaps, type ReadStore } from '@switchboard/read-models';
import { type Actor, contactMetricsDepartmentFor, type ServiceCatalog } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertMayRead } from '../auth/read-access';
import { CATALOG } from '../catalog/catalog.module';
import { READ_STORE } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { ContactMetricsQueryDto, ContactRangeQueryDto, KnowledgeGapsQueryDto } from './contact-metrics-query.dto';
import { BusiestTimesReport, ContactMetricsReport, KnowledgeGapsReport } from './contact-metrics-report.dto';

/** A figure's RangeError (`from: …`, `timeZone: …`) as the 400 naming the parameter. */
async function asQueryError<T>(figures: () => Promise<T>): Promise<T> {
  try {
    return await figures();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const [parameter, ...rest] = error.message.split(': ');
    throw new InvalidQueryParameterError(parameter, rest.join(': '));
  }
}

/**
 * The contact figures of docs/metrics.md ("Contacts and questions") over the projected contacts:
 * for the director every line and department, for a department head their own line and the
 * transfers and callbacks to their department (`contactMetricsAreForTheDirectorAndDepartmentHeads`).
 */
@ApiTags('reporting')
@Controller('metrics/contacts')
export class ContactMetricsController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Contacts, answered at first contact, handle time (by line, channel or all), transfers and callbacks (by department), top articles. */
  @Get()
  @ApiOkResponse({ type: ContactMetricsReport })
  async contacts(@Query() query: ContactMetricsQueryDto, @CurrentActor() actor: Actor): Promise<ContactMetricsReport> {
    const scope = await this.scopeOf(actor, query);
    const options = { ...this.rangeOf(query), groupBy: query.groupBy as ContactGroup, period: query.period as ContactPeriod };
    const figures = await asQueryError(() => contactMetricsReport(this.readStore.db, options, scope));
    return { ...this.echo(options), groupBy: options.groupBy, period: options.period, department: scope.department ?? null, ...figures };
  }

  /** What residents asked that the knowledge base does not answer: searches run for contacts that found nothing, most asked first. */
  @Get('gaps')
  @ApiOkResponse({ type: KnowledgeGapsReport })
  async gaps(@Query() query: KnowledgeGapsQueryDto, @CurrentActor() actor: Actor): Promise<KnowledgeGapsReport> {
    const scope = await this.scopeOf(actor, query);
    const range = this.rangeOf(query);
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    const gaps = await asQueryError(() => knowledgeGaps(this.readStore.db, range, scope, limit));
    return { ...this.echo(range), department: scope.department ?? null, gaps };
  }

  /** When each line is busiest: contacts by local weekday and hour, the busiest hours and dates. */
  @Get('busiest')
  @ApiOkResponse({ type: BusiestTimesReport })
  async busiest(@Query() query: ContactRangeQueryDto, @CurrentActor() actor: Actor): Promise<BusiestTimesReport> {
    const scope = await this.scopeOf(actor, query);
    const range = this.rangeOf(query);
    const lines = await asQueryError(() => contactBusiestTimes(this.readStore.db, range, scope));
    return { ...this.echo(range), department: scope.department ?? null, lines };
  }

  private async scopeOf(actor: Actor, query: ContactRangeQueryDto) {
    assertMayRead('contactMetricsAreForTheDirectorAndDepartmentHeads', actor, {});
    await this.readYourWrites.reach(query.position);
    return { department: contactMetricsDepartmentFor(actor) };
  }

  private rangeOf(query: ContactRangeQueryDto) {
    return { from: new Date(query.from), to: new Date(query.to), timeZone: this.catalog.config.calendar.timeZone };
  }

  private echo(range: { from: Date; to: Date; timeZone: string }) {
    return { from: range.from.toISOString(), to: range.to.toISOString(), timeZone: range.timeZone };
  }
}
