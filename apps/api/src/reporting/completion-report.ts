import { Inject, Injectable } from '@nestjs/common';
import {
  type CompletionFigures,
  type CompletionMetricsOptions,
  completionMetrics,
  factsCountingIn,
  GROUP_BYS,
  type GroupBy,
  InvalidQueryParameterError,
  type Period,
  type ReadModels,
  validateCompletionMetricsOptions,
} from '@switchboard/read-models';
import { type Actor, completionGroupVisible, type ServiceCatalog } from '@switchboard/ticketing';
import { type AnswerSource, pastInstant } from '../as-of/as-of';
import { AsOfReplays } from '../as-of/as-of-replays';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { READ_MODELS } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { assertMayRead } from '../auth/read-access';
import type { CompletionQueryDto } from './completion-query.dto';
import type { CompletionReport } from './completion-report.dto';

/** Completion metrics over the read models' ticket facts, or as of a past moment over a replay, in the city's time zone, limited to what the caller may see. */
@Injectable()
export class CompletionReporter {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
    private readonly replays: AsOfReplays,
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
    const answer = (options: CompletionMetricsOptions, asOf: Date, source: AnswerSource, figures: readonly CompletionFigures[]): CompletionReport => ({
      from: options.from.toISOString(),
      to: options.to.toISOString(),
      groupBy,
      period: options.period,
      timeZone,
      asOf: asOf.toISOString(),
      source,
      figures: figures.filter((figure) => visible(figure.group)),
    });
    if (query.asOf === undefined) {
      await this.readYourWrites.reach(query.position);
      return answer(asked, now, 'read-models', await this.readModels.completionMetrics(asked));
    }
    const asOf = pastInstant(query.asOf, now);
    // A replay reads the log itself: the position is not waited for, but it must be one the log has.
    await this.readYourWrites.check(query.position);
    // Nothing is known after asOf: the report ends there, so backlog and overdue are judged at that moment.
    const options = asked.to > asOf ? { ...asked, to: asOf } : asked;
    if (options.from >= options.to) {
      throw new InvalidQueryParameterError('asOf', `must be after from (${options.from.toISOString()}): the report ends at asOf, so it would cover nothing.`);
    }
    const { facts: known } = await this.replays.ticketsAsOf(asOf);
    const facts = factsCountingIn(known, options.from, options.to);
    return answer(options, asOf, 'replay', completionMetrics(facts, options));
  }
}
