import { IsIn, IsOptional, Matches } from 'class-validator';
import { CATALOG_CODE, IsInstant } from '../input/query-validators';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';

/** GET /metrics/phone-coverage?from=…&to=…[&department=DPW] */
export class PhoneCoverageQueryDto extends ReadPositionQuery {
  /** Start of the report, inclusive (an instant, e.g. 2026-11-02T05:00:00Z); the days are the city's local dates. */
  @IsInstant() from!: string;
  /** End of the report, exclusive. */
  @IsInstant() to!: string;
  /** One department's code; every department when left out (the director). */
  @IsOptional() @Matches(CATALOG_CODE, { message: 'must be a department code, e.g. DPW' }) department?: string;
}

/** POST /staff/me/availability */
export class MarkAvailabilityDto {
  /** available: answering your department's line from now (until you mark away, or the day ends); away: not answering. */
  @IsIn(['available', 'away']) status!: 'available' | 'away';
}
