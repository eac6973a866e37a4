import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** GET /escalations?department=DPW&limit=50&cursor=…[&asOf=…] */
export class EscalationsQueryDto {
  /** Only this department's tickets (a department head always sees only their own). */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,40}$/) department?: string;
  /** Tickets per page, 1–200 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** `nextCursor` of the previous page (not with asOf: a list as of a past moment is one page). */
  @IsOptional() @IsString() cursor?: string;
  /** The list as it was at this past instant, replayed from the event log; not after now. */
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
