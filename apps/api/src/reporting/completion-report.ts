import { Inject, Injectable } from '@nestjs/common';
import { type CompletionFigures, GROUP_BYS, type GroupBy, InvalidQueryParameterError, type Period, type ReadModels } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { READ_MODELS } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { completionFiguresFor } from './completion-access';
import type { CompletionQueryDto } from './completion-query.dto';

/** A completion report as GET /metrics/completion answers it. */
export interface CompletionReport {
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  readonly period: Period;
  /** The catalog calendar's zone: periods start at local midnight there. */
  readonly timeZone: string;
  readonly figures: readonly CompletionFigures[];
}

/** Completion metrics over the read models' ticket facts, in the city's time zone, limited to what the caller may see. */
@Injectable()
export class CompletionReporter {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The report for the query, once the read models include `query.position`; throws InvalidQueryParameterError naming a bad parameter, QueryForbidden for callers who may not. */
  async report(query: CompletionQueryDto, actor: Actor): Promise<CompletionReport> {
    if (!(GROUP_BYS as readonly string[]).includes(query.groupBy)) {
      throw new InvalidQueryParameterError('groupBy', `must be one of ${GROUP_BYS.join(', ')}; got ${JSON.stringify(query.groupBy)}.`);
    }
    const groupBy = query.groupBy as GroupBy;
    const visible = completionFiguresFor(actor, groupBy, this.catalog);
    await this.readYourWrites.reach(query.position);
    const timeZone = this.catalog.config.calendar.timeZone;
    const options = { from: new Date(query.from), to: new Date(query.to), groupBy, period: query.period as Period, timeZone };
    const figures = await this.readModels.completionMetrics(options);
    return { from: options.from.toISOString(), to: options.to.toISOString(), groupBy, period: options.period, timeZone, figures: figures.filter(visible) };
  }
}
