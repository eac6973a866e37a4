import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COVERAGE_GAP_KINDS, ROSTER_STATUSES } from '@switchboard/knowledge';
import { WEEKDAYS } from '@switchboard/ticketing';

/** One weekly slot: a staff member answering the line on a weekday, from–until local time. */
export class WeeklySlotDto {
  @ApiProperty({ enum: WEEKDAYS }) readonly weekday!: string;
  /** Local time 'HH:MM'. */
  readonly from!: string;
  readonly until!: string;
  readonly staffId!: string;
}

/** A slot of one date (an exception's cover). */
export class DateSlotDto {
  readonly from!: string;
  readonly until!: string;
  readonly staffId!: string;
}

/** How one date differs from the weekly roster. */
export class RosterExceptionDto {
  /** Local date 'YYYY-MM-DD'. */
  readonly date!: string;
  /** Staff of the weekly slots who do not answer that date. */
  readonly away!: string[];
  readonly extra!: DateSlotDto[];
  readonly reason?: string;
}

/** A department's roster as its own stream has it. */
export class RosterDto {
  @ApiProperty({ enum: ROSTER_STATUSES }) readonly status!: string;
  readonly department?: string;
  readonly slots!: WeeklySlotDto[];
  readonly exceptions!: RosterExceptionDto[];
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

/** GET /departments/:id/roster */
export class RosterView {
  readonly department!: string;
  readonly roster!: RosterDto;
  /** The stream's revision (send it as If-Match); null before the roster was first set. */
  @ApiProperty({ type: Number, nullable: true }) readonly revision!: number | null;
  /** The roster commands the caller may send now: SetWeeklyRoster, SetRosterException, ClearRosterException. */
  readonly allowedActions!: string[];
}

/** A staff member on the line now. */
export class LineAnswererDto {
  readonly staffId!: string;
  readonly scheduled!: boolean;
  readonly scheduledUntil?: string;
  readonly available!: boolean;
  readonly availableUntil?: string;
}

/** GET /departments/:id/phone-coverage/now */
export class LineNowView {
  readonly department!: string;
  readonly at!: string;
  readonly cityHallOpen!: boolean;
  /** Available first (they answer a transfer), then scheduled but not available. */
  readonly answerers!: LineAnswererDto[];
}

/** GET /staff/me/availability */
export class MyAvailabilityView {
  readonly staffId!: string;
  @ApiProperty({ enum: ['unmarked', 'available', 'away'] }) readonly status!: string;
  /** Whether the caller answers the line now (marked available, and the mark has not lapsed at the end of the day). */
  readonly available!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) readonly department!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) readonly since!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) readonly until!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly revision!: number | null;
  /** MarkAvailable and/or MarkAway, as the availability rules allow the caller now. */
  readonly allowedActions!: string[];
}

/** A stretch of City Hall hours nobody was scheduled on, or nobody was available for, the line. */
export class CoverageGapDto {
  @ApiProperty({ enum: COVERAGE_GAP_KINDS }) readonly kind!: string;
  readonly from!: string;
  readonly until!: string;
}

/** One department on one local date (docs/metrics.md, "Phone coverage"). */
export class CoverageDayDto {
  readonly department!: string;
  readonly date!: string;
  readonly cityHallMinutes!: number;
  readonly unscheduledMinutes!: number;
  readonly unavailableMinutes!: number;
  readonly transfers!: number;
  readonly transfersNotReached!: number;
  readonly callbacksLate!: number;
  readonly gaps!: CoverageGapDto[];
}

/** GET /metrics/phone-coverage */
export class PhoneCoverageReport {
  readonly from!: string;
  readonly to!: string;
  readonly timeZone!: string;
  /** The department asked for (or a head's own); null for every department. */
  @ApiProperty({ type: String, nullable: true }) readonly department!: string | null;
  readonly days!: CoverageDayDto[];
}
