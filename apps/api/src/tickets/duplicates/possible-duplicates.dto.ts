import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { CallersOpenTicket, PossibleDuplicate, PossibleDuplicates, ResidentTicket } from '@switchboard/read-models';
import { CATALOG_CODE, IsWholeNumber } from '../../input/query-validators';
import { ReadPositionQuery } from '../../read-your-writes/read-position.query';

const DECIMAL = /^-?\d{1,3}(?:\.\d{1,12})?$/;

/** GET /tickets/possible-duplicates?service=…&lat=…&long=…&address=…&phone=…&email=… */
export class PossibleDuplicatesQueryDto extends ReadPositionQuery {
  /** Service code of the catalog: only its open tickets are offered as the same problem. */
  @Matches(CATALOG_CODE, { message: 'must be a service code of the catalog, e.g. POTHOLE' }) service!: string;
  /** Latitude in decimal degrees (with `long`). */
  @IsOptional() @Matches(DECIMAL, { message: 'must be a latitude in decimal degrees, e.g. 42.3601' }) lat?: string;
  /** Longitude in decimal degrees (with `lat`). */
  @IsOptional() @Matches(DECIMAL, { message: 'must be a longitude in decimal degrees, e.g. -71.0589' }) long?: string;
  @IsOptional() @IsString() @Length(1, 500) address?: string;
  /** The caller's phone: their own open tickets are listed too (311 and the director; the look-up is recorded). */
  @IsOptional() @IsString() @Length(1, 40) phone?: string;
  /** The caller's e-mail, as `phone`. */
  @IsOptional() @IsString() @Length(1, 254) email?: string;
  /** At most this many of each list, 1–100 (default 20). */
  @IsOptional() @IsWholeNumber(1, 100) limit?: string;
}

/** A ticket as the desk lists it before opening another: no contact data. */
export class ReportedTicketDto implements ResidentTicket {
  readonly ticketId!: string;
  readonly serviceCode!: string;
  readonly status!: string;
  readonly department!: string;
  readonly description!: string;
  readonly address!: string | null;
  readonly openedAt!: string;
  /** 1 + the other reports already linked to it. */
  readonly reportCount!: number;
}

/** An open ticket of the same service that may record the problem being reported. */
export class PossibleDuplicateDto extends ReportedTicketDto implements PossibleDuplicate {
  readonly latitude!: number | null;
  readonly longitude!: number | null;
  /** Meters from the given coordinates, when both have them. */
  readonly distanceMeters!: number | null;
  /** Its address is the given one, as compared (case, spaces, street words). */
  readonly sameAddress!: boolean;
}

/** An open ticket of any service the caller reported before. */
export class CallersOpenTicketDto extends ReportedTicketDto implements CallersOpenTicket {
  readonly latitude!: number | null;
  readonly longitude!: number | null;
  readonly matchedBy!: ('phone' | 'email')[];
}

/** GET /tickets/possible-duplicates */
export class PossibleDuplicatesDto implements PossibleDuplicates {
  /** The radius the service's catalog entry sets (default 50 m). */
  readonly radiusMeters!: number;
  /** Open tickets of the service at the same address or within the radius, the nearest first. */
  readonly nearby!: PossibleDuplicateDto[];
  /** The caller's own open tickets, newest first; empty without phone or e-mail. */
  readonly callersOwn!: CallersOpenTicketDto[];
}
