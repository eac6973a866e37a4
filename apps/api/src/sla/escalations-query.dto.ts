import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** GET /escalations?department=DPW&limit=50&cursor=… */
export class EscalationsQueryDto {
  /** Only this department's tickets (a department head always sees only their own). */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,40}$/) department?: string;
  /** Tickets per page, 1–200 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** `nextCursor` of the previous page. */
  @IsOptional() @IsString() cursor?: string;
}
