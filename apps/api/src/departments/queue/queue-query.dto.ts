import { IsIn, IsOptional, Matches } from 'class-validator';
import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

/** GET /departments/:id/queue?mine=true&limit=50&position=… */
export class QueueQueryDto extends ReadPositionQuery {
  /** `true`: only tickets assigned to the caller. */
  @IsOptional() @IsIn(['true', 'false']) mine?: 'true' | 'false';
  /** At most this many entries (1–1000, default 200). */
  @IsOptional() @Matches(/^\d{1,4}$/, { message: 'must be a whole number from 1 to 1000' }) limit?: string;
}
