import type { ContactGroup, ContactPeriod } from '@switchboard/knowledge';

/** Contacts started in a period (docs/metrics.md `contactCounts`): all, ended handled, ended abandoned, not yet ended. */
export class ContactCountsDto {
  /** The line, channel, or `all`. */
  readonly group!: string;
  /** Local date the period starts on (YYYY-MM-DD). */
  readonly period!: string;
  readonly contacts!: number;
  readonly handled!: number;
  readonly abandoned!: number;
  readonly open!: number;
}

/** Handled contacts and those answered at first contact (`firstContactAnswers`); `rate` is null without handled contacts. */
export class FirstContactAnswersDto {
  readonly group!: string;
  readonly period!: string;
  readonly handled!: number;
  readonly answeredAtFirstContact!: number;
  readonly rate!: number | null;
}

/** Handle time (end − start) of handled contacts, in minutes (`handleTimes`). */
export class HandleTimesDto {
  readonly group!: string;
  readonly period!: string;
  readonly samples!: number;
  readonly medianMinutes!: number | null;
  readonly p90Minutes!: number | null;
  readonly meanMinutes!: number;
}

/** Transfers to one department (`transferFigures`): `group` is the department. */
export class TransferFiguresDto {
  readonly group!: string;
  readonly period!: string;
  /** Every contact started in the period, whichever line: the transfer rate's denominator. */
  readonly contacts!: number;
  readonly transferred!: number;
  readonly transfers!: number;
  readonly reached!: number;
  readonly transferRate!: number | null;
  readonly reachedRate!: number | null;
}

/** Time from a callback's promise to its completion, in hours; null without samples. */
export class CallbackTimeDto {
  readonly samples!: number;
  readonly medianHours!: number | null;
  readonly p90Hours!: number | null;
}

/** Callbacks promised by one department (`callbackFigures`): `group` is the department. */
export class CallbackFiguresDto {
  readonly group!: string;
  readonly period!: string;
  readonly promised!: number;
  readonly completed!: number;
  readonly reached!: number;
  readonly open!: number;
  readonly late!: number;
  readonly timeToComplete!: CallbackTimeDto;
}

/** An article operators answered from (`topArticles`): contacts that used it, and all uses. */
export class ArticleUseDto {
  readonly articleId!: string;
  readonly contacts!: number;
  readonly uses!: number;
}

/** The contact figures as GET /metrics/contacts answers them (docs/metrics.md, "Contacts and questions"). */
export class ContactMetricsReport {
  readonly from!: string;
  readonly to!: string;
  /** The catalog calendar's zone: periods start at local midnight there. */
  readonly timeZone!: string;
  readonly groupBy!: ContactGroup;
  readonly period!: ContactPeriod;
  /** The department whose line the figures are limited to (a department head's), or null for every line. */
  readonly department!: string | null;
  readonly contacts!: ContactCountsDto[];
  readonly firstContact!: FirstContactAnswersDto[];
  readonly handleTimes!: HandleTimesDto[];
  readonly transfers!: TransferFiguresDto[];
  readonly callbacks!: CallbackFiguresDto[];
  readonly topArticles!: ArticleUseDto[];
}

/** A question residents asked that found nothing (`unansweredSearches`), counted by its normalised wording. */
export class KnowledgeGapDto {
  /** The normalised question (lower case, accents and punctuation removed). */
  readonly query!: string;
  readonly count!: number;
  /** The lines the searches were made on. */
  readonly lines!: string[];
  readonly firstAt!: string;
  readonly lastAt!: string;
  /** The wording typed most often. */
  readonly example!: string;
}

/** What GET /metrics/contacts/gaps answers: the questions most asked first. */
export class KnowledgeGapsReport {
  readonly from!: string;
  readonly to!: string;
  readonly timeZone!: string;
  readonly department!: string | null;
  readonly gaps!: KnowledgeGapDto[];
}

/** A weekday and local hour with its contacts. */
export class BusyHourDto {
  readonly weekday!: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
  /** Local hour, 0–23. */
  readonly hour!: number;
  readonly contacts!: number;
}

/** A local date with its contacts. */
export class BusyDateDto {
  readonly date!: string;
  readonly contacts!: number;
}

/** When one line is busiest (`busiestTimes`). */
export class LineBusiestTimesDto {
  readonly line!: string;
  readonly contacts!: number;
  /** Contacts by local weekday (7 rows, Monday first) and hour (24 columns, 0–23). */
  readonly byWeekdayAndHour!: number[][];
  /** The three busiest weekday-hours. */
  readonly busiestHours!: BusyHourDto[];
  /** The five busiest local dates. */
  readonly busiestDates!: BusyDateDto[];
}

/** What GET /metrics/contacts/busiest answers: each line's heat map. */
export class BusiestTimesReport {
  readonly from!: string;
  readonly to!: string;
  readonly timeZone!: string;
  readonly department!: string | null;
  readonly lines!: LineBusiestTimesDto[];
}
