import { IsOptional, Matches } from 'class-validator';
import { CATALOG_CODE, IsInstant, IsWholeNumber } from '../input/query-validators';

/** GET /escalations?department=DPW&limit=50&cursor=…[&asOf=…|&knownAt=…] */
export class EscalationsQueryDto {
  /** Only this department's tickets (a department head always sees only their own); an unknown department is a 404. */
  @IsOptional() @Matches(CATALOG_CODE, { message: 'must be a department code of the catalog, e.g. DPW' }) department?: string;
  /** Tickets per page, 1–200 (default 50). */
  @IsOptional() @IsWholeNumber(1, 200) limit?: string;
  /** `nextCursor` of the previous page (not with asOf or knownAt: a list at a past moment is one page). */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,2048}$/, { message: 'must be the nextCursor of a previous page' }) cursor?: string;
  /** The list as of this past instant (what had happened by then, history imported later included); not after now. */
  @IsOptional() @IsInstant() asOf?: string;
  /** The list as known at this past instant (what the system had recorded by then); not after now, not with asOf. */
  @IsOptional() @IsInstant() knownAt?: string;
}
