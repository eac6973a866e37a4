import { IsIn, IsOptional } from 'class-validator';
import { IsWholeNumber } from '../../input/query-validators';
import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

/** GET /departments/:id/queue?mine=true&limit=50&position=… */
export class QueueQueryDto extends ReadPositionQuery {
  /** `true`: only tickets assigned to the caller. */
  @IsOptional() @IsIn(['true', 'false']) mine?: 'true' | 'false';
  /** At most this many entries (1–1000, default 200). */
  @IsOptional() @IsWholeNumber(1, 1000) limit?: string;
}
