import { Inject, Injectable } from '@nestjs/common';
import {
  type CompletionFigures,
  type CompletionMetricsOptions,
  GROUP_BYS,
  type GroupBy,
  InvalidQueryParameterError,
  type Period,
  type ReadModels,
  validateCompletionMetricsOptions,
} from '@switchboard/read-models';
import { type Actor, completionGroupVisible, type ServiceCatalog } from '@switchboard/ticketing';
import { momentOf } from '../as-of/as-of';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { READ_MODELS } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { assertMayRead } from '../auth/read-access';
import type { CompletionQueryDto } from './completion-query.dto';
import type { CompletionReport } from './completion-report.dto';

/**
 * Completion metrics from the read models, now or at a past moment (as of, or as known at: the
 * temporal read model's ticket versions in force then), in the city's time zone, limited to what the
 * caller may see. No answer replays the log.
 */
@Injectable()
export class CompletionReporter {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The report for the query, once the read models include `query.position`; throws InvalidQueryParameterError naming a bad parameter, QueryForbidden for callers who may not. */
  async report(query: CompletionQueryDto, actor: Actor): Promise<CompletionReport> {
    if (!(GROUP_BYS as readonly string[]).includes(query.groupBy)) {
      throw new InvalidQueryParameterError('groupBy', `must be one of ${GROUP_BYS.join(', ')}; got ${JSON.stringify(query.groupBy)}.`);
    }
    const groupBy = query.groupBy as GroupBy;
    assertMayRead('completionMetricsAreForTheDirectorAndDepartmentHeads', actor, { groupBy });
    const visible = completionGroupVisible(actor, groupBy, (code) => this.catalog.service(code)?.department);
    const now = this.clock.now();
    const timeZone = this.catalog.config.calendar.timeZone;
    const asked = validateCompletionMetricsOptions({ from: new Date(query.from), to: new Date(query.to), groupBy, period: query.period as Period, timeZone });
    const moment = momentOf(query, now);
    await this.readYourWrites.reach(query.position);
    const answer = (options: CompletionMetricsOptions, figures: readonly CompletionFigures[]): CompletionReport => ({
      from: options.from.toISOString(),
      to: options.to.toISOString(),
      groupBy,
      period: options.period,
      timeZone,
      asOf: (moment?.at ?? now).toISOString(),
      moment: moment?.axis ?? 'now',
      source: moment ? 'temporal' : 'read-models',
      figures: figures.filter((figure) => visible(figure.group)),
    });
    if (!moment) return answer(asked, await this.readModels.completionMetrics(asked));
    // Nothing is known after the moment: the report ends there, so backlog and overdue are judged then.
    const options = asked.to > moment.at ? { ...asked, to: moment.at } : asked;
    if (options.from >= options.to) {
      throw new InvalidQueryParameterError(
        moment.axis,
        `must be after from (${options.from.toISOString()}): the report ends at ${moment.axis}, so it would cover nothing.`,
      );
    }
    return answer(options, await this.readModels.completionMetrics(options, moment));
  }
}
