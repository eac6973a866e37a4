import { IsOptional } from 'class-validator';
import { IsInstant } from '../../input/query-validators';

/** GET /tickets/:id/history?asOf=2026-11-02T15:00:00Z */
export class HistoryQueryDto {
  /** Only events that happened at or before this instant (not after now); the ticket as it was then. */
  @IsOptional() @IsInstant() asOf?: string;
}
