import { CHANNELS, TICKET_STATUSES } from '@switchboard/ticketing';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CATALOG_CODE, IsInstant, IsWholeNumber } from '../../input/query-validators';
import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

/** The states a ticket can be listed in (every one but `unopened`, which no stored ticket has). */
const LISTED_STATES = TICKET_STATUSES.filter((state) => state !== 'unopened');

/** GET /tickets?state=…&department=…&openedFrom=…&text=…&cursor=…&limit=… — every given filter must match. */
export class TicketListQueryDto extends ReadPositionQuery {
  /** Lifecycle state: intake, assigned, in_progress, on_hold, escalated, completed, closed. */
  @IsOptional() @IsIn(LISTED_STATES) state?: string;
  /** Department code of the catalog. */
  @IsOptional() @Matches(CATALOG_CODE, { message: 'must be a department code of the catalog, e.g. DPW' }) department?: string;
  /** Service code of the catalog. */
  @IsOptional() @Matches(CATALOG_CODE, { message: 'must be a service code of the catalog, e.g. POTHOLE' }) service?: string;
  /** Intake channel. */
  @IsOptional() @IsIn(CHANNELS) channel?: string;
  /** Staff id of the assignee. */
  @IsOptional() @IsString() @Length(1, 128) assignee?: string;
  /** Opened at or after this instant. */
  @IsOptional() @IsInstant() openedFrom?: string;
  /** Opened before this instant. */
  @IsOptional() @IsInstant() openedTo?: string;
  /** `true`: only tickets late now; `false`: only tickets not late. */
  @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  /** Case-insensitive text in the description or the address (at most 200 characters). */
  @IsOptional() @IsString() @Length(1, 200) text?: string;
  /** `nextCursor` of the previous page (same filters). */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,2048}$/, { message: 'must be the nextCursor of a previous page' }) cursor?: string;
  /** Page size, 1–500 (default 50). */
  @IsOptional() @IsWholeNumber(1, 500) limit?: string;
}
