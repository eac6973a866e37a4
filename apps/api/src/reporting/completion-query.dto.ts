import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';

/** GET /metrics/completion?from=…&to=…&groupBy=department|service|channel&period=day|week|month[&asOf=…] */
export class CompletionQueryDto extends ReadPositionQuery {
  /** Start of the report, inclusive (an instant, e.g. 2026-11-01T04:00:00Z). */
  @IsISO8601({ strict: true }) from!: string;
  /** End of the report, exclusive. */
  @IsISO8601({ strict: true }) to!: string;
  /** department, service or channel. */
  @IsString() groupBy!: string;
  /** day, week (ISO, from Monday) or month, in the city's time zone. */
  @IsString() period!: string;
  /** The figures as they were at this past instant, replayed from the event log (`to` is clipped to it); not after now. */
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
