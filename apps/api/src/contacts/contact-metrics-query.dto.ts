import { CONTACT_GROUPS, CONTACT_PERIODS } from '@switchboard/knowledge';
import { IsIn, IsOptional } from 'class-validator';
import { IsInstant, IsWholeNumber } from '../input/query-validators';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';

/** GET /metrics/contacts/busiest?from=…&to=… (and the base of the other contact metrics queries). */
export class ContactRangeQueryDto extends ReadPositionQuery {
  /** Start of the report, inclusive (an instant, e.g. 2026-11-01T04:00:00Z): contacts started (callbacks promised, searches run) from then. */
  @IsInstant() from!: string;
  /** End of the report, exclusive. */
  @IsInstant() to!: string;
}

/** GET /metrics/contacts?from=…&to=…&groupBy=line|channel|all&period=day|week|month|range */
export class ContactMetricsQueryDto extends ContactRangeQueryDto {
  /** line (the line called), channel, or all. */
  @IsIn(CONTACT_GROUPS) groupBy!: string;
  /** day, week (ISO, from Monday) or month, in the city's time zone; or range (the whole report as one period). */
  @IsIn(CONTACT_PERIODS) period!: string;
}

/** GET /metrics/contacts/gaps?from=…&to=…[&limit=50] */
export class KnowledgeGapsQueryDto extends ContactRangeQueryDto {
  /** Questions listed, 1–500 (default 50), most asked first. */
  @IsOptional() @IsWholeNumber(1, 500) limit?: string;
}
