import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { ResidentContactSummary, ResidentHistory } from '@switchboard/read-models';
import { ReportedTicketDto } from '../tickets/duplicates/possible-duplicates.dto';
import { ActorDto } from '../tickets/reading/ticket-view.dto';
import { GLOBAL_POSITION } from '../read-your-writes/read-position.query';
import type { LookupPurpose, ResidentLookup } from './resident-lookups';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** POST /residents/lookups: the phone number or e-mail address (or both) to look a resident up by. */
export class ResidentLookupRequestDto {
  @IsOptional() @IsString() @Length(1, 40) phone?: string;
  @IsOptional() @IsString() @Length(1, 254) email?: string;
  /** The 311 contact the look-up is made for, recorded with it. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be the id of a contact' }) contactId?: string;
  /** The `position` a command answered: the look-up waits (bounded) until the read models include it. */
  @IsOptional() @Matches(GLOBAL_POSITION, { message: 'must be a position a command answered' }) position?: string;
}

/** GET /residents/lookups?from=…&to=…[&phone=…|&email=…] (UTC dates, inclusive; at most 31 days; today when left out). */
export class ResidentLookupsQueryDto {
  @IsOptional() @Matches(DAY, { message: 'must be a date, e.g. 2026-11-02' }) from?: string;
  @IsOptional() @Matches(DAY, { message: 'must be a date, e.g. 2026-11-02' }) to?: string;
  /** Only the look-ups of this phone number (compared as the look-up compared it). */
  @IsOptional() @IsString() @Length(1, 40) phone?: string;
  /** Only the look-ups of this e-mail address. */
  @IsOptional() @IsString() @Length(1, 254) email?: string;
}

export class ResidentDto {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

export class ContactTicketDto {
  readonly ticketId!: string;
  readonly relation!: string;
}

/** A previous 311 contact of the resident. */
export class ResidentContactSummaryDto implements ResidentContactSummary {
  readonly contactId!: string;
  readonly status!: string;
  readonly channel!: string | null;
  readonly line!: string | null;
  readonly operatorId!: string | null;
  readonly startedAt!: string | null;
  readonly endedAt!: string | null;
  readonly resident!: ResidentDto | null;
  readonly tickets!: ContactTicketDto[];
  readonly articlesUsed!: number;
}

/** One recorded look-up: who looked up whom, when, why, and what it found. */
export class ResidentLookupDto implements ResidentLookup {
  readonly at!: string;
  readonly by!: ActorDto;
  /** `lookup`: the desk's look-up; `duplicates`: the caller's own open tickets among possible duplicates. */
  readonly purpose!: LookupPurpose;
  /** Whom, without their data: the digest of the phone number as compared (digits only), as the read store keeps it. */
  readonly phoneKey?: string;
  /** The digest of the e-mail address as compared (lower case). */
  readonly emailKey?: string;
  readonly contactId?: string;
  /** The contacts the answer showed. */
  @ApiProperty({ type: [String], required: false })
  readonly contactsFound?: readonly string[];
  /** The tickets the answer showed. */
  @ApiProperty({ type: [String] })
  readonly ticketsFound!: readonly string[];
}

/** POST /residents/lookups: the resident's previous contacts and tickets, newest first (at most 50 of each), and the look-up as recorded. */
export class ResidentHistoryDto implements ResidentHistory {
  readonly contacts!: ResidentContactSummaryDto[];
  /** The tickets the resident reported (any status); their contact data stays on each ticket. */
  readonly tickets!: ReportedTicketDto[];
  readonly lookup!: ResidentLookupDto;
}

/** GET /residents/lookups: the look-ups recorded on the days asked for, oldest first. */
export class ResidentLookupsDto {
  readonly lookups!: ResidentLookupDto[];
}
