import { IsISO8601, IsOptional } from 'class-validator';

/** GET /tickets/:id/history?asOf=2026-11-02T15:00:00Z */
export class HistoryQueryDto {
  /** Only events that happened at or before this instant; the ticket as it was then. */
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
