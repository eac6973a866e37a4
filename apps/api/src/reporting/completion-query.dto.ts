import { GROUP_BYS, PERIODS } from '@switchboard/read-models';
import { IsIn, IsOptional } from 'class-validator';
import { IsInstant } from '../input/query-validators';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';

/** GET /metrics/completion?from=…&to=…&groupBy=department|service|channel&period=day|week|month|range[&asOf=…|&knownAt=…] */
export class CompletionQueryDto extends ReadPositionQuery {
  /** Start of the report, inclusive (an instant, e.g. 2026-11-01T04:00:00Z). */
  @IsInstant() from!: string;
  /** End of the report, exclusive. */
  @IsInstant() to!: string;
  /** department, service or channel. */
  @IsIn(GROUP_BYS) groupBy!: string;
  /** day, week (ISO, from Monday) or month, in the city's time zone; or range (the whole report as one period). */
  @IsIn(PERIODS) period!: string;
  /** The figures as of this past instant: what had happened by then, history imported later included (`to` is clipped to it); not after now. */
  @IsOptional() @IsInstant() asOf?: string;
  /** The figures as known at this past instant: what the system had recorded by then, as the dashboard showed them that day (`to` is clipped to it); not after now, not with asOf. */
  @IsOptional() @IsInstant() knownAt?: string;
}
