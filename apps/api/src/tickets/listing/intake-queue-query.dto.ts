import { IsOptional } from 'class-validator';
import { IsWholeNumber } from '../../input/query-validators';
import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

/** GET /intake/queue?limit=50&position=… */
export class IntakeQueueQueryDto extends ReadPositionQuery {
  /** At most this many entries (1–1000, default 200). */
  @IsOptional() @IsWholeNumber(1, 1000) limit?: string;
}
