import type { CompletionFigures, DurationFigures, GroupBy, Period } from '@switchboard/read-models';
import type { AnswerMoment, AnswerSource } from '../as-of/as-of';

/** Median and 90th percentile of a duration, in calendar and business hours; null without samples. */
export class DurationFiguresDto implements DurationFigures {
  readonly samples!: number;
  readonly medianHours!: number | null;
  readonly p90Hours!: number | null;
  readonly medianBusinessHours!: number | null;
  readonly p90BusinessHours!: number | null;
}

/**
 * Completion figures of one group in one period (docs/metrics.md defines each): the read models'
 * CompletionFigures, as the OpenAPI document describes them (`implements` proves the class fits
 * the interface; the report built from the read models' figures proves the interface fits the class).
 */
export class CompletionFiguresDto implements CompletionFigures {
  readonly group!: string;
  /** Local date the period starts on (YYYY-MM-DD). */
  readonly period!: string;
  readonly periodStart!: string;
  readonly periodEnd!: string;
  readonly opened!: number;
  readonly completed!: number;
  readonly closedWithoutCompletion!: number;
  readonly completionRate!: number | null;
  readonly backlogAtPeriodEnd!: number;
  readonly timeToAssign!: DurationFiguresDto;
  readonly timeToComplete!: DurationFiguresDto;
  readonly onTimeRate!: number | null;
  readonly escalationRate!: number | null;
  readonly reopenRate!: number | null;
  readonly firstContactResolutionRate!: number | null;
}

/** A completion report as GET /metrics/completion answers it. */
export class CompletionReport {
  readonly from!: string;
  /** The end of the report: the one asked for, or the moment (asOf or knownAt) when that is earlier. */
  readonly to!: string;
  readonly groupBy!: GroupBy;
  readonly period!: Period;
  /** The catalog calendar's zone: periods start at local midnight there. */
  readonly timeZone!: string;
  /** The instant the figures describe: the asOf or knownAt asked for, else the API clock's now. */
  readonly asOf!: string;
  /** `now`, `asOf` (what had happened by that instant) or `knownAt` (what the system had recorded by it); docs/metrics.md. */
  readonly moment!: AnswerMoment;
  /** `read-models` (the projected facts, now) or `temporal` (the ticket versions in force at the moment); never a replay. */
  readonly source!: AnswerSource;
  readonly figures!: CompletionFiguresDto[];
}
