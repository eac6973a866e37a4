import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

/** GET /tickets?state=…&department=…&openedFrom=…&text=…&cursor=…&limit=… — every given filter must match. */
export class TicketListQueryDto extends ReadPositionQuery {
  /** Lifecycle state: intake, assigned, in_progress, on_hold, escalated, completed, closed. */
  @IsOptional() @IsString() state?: string;
  /** Department code of the catalog. */
  @IsOptional() @IsString() department?: string;
  /** Service code of the catalog. */
  @IsOptional() @IsString() service?: string;
  /** Intake channel. */
  @IsOptional() @IsString() channel?: string;
  /** Staff id of the assignee. */
  @IsOptional() @IsString() assignee?: string;
  /** Opened at or after this instant. */
  @IsOptional() @IsISO8601({ strict: true }) openedFrom?: string;
  /** Opened before this instant. */
  @IsOptional() @IsISO8601({ strict: true }) openedTo?: string;
  /** `true`: only tickets late now; `false`: only tickets not late. */
  @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  /** Case-insensitive text in the description or the address. */
  @IsOptional() @IsString() text?: string;
  /** `nextCursor` of the previous page (same filters). */
  @IsOptional() @IsString() cursor?: string;
  /** Page size, 1–500 (default 50). */
  @IsOptional() @Matches(/^\d{1,4}$/, { message: 'must be a whole number from 1 to 500' }) limit?: string;
}
