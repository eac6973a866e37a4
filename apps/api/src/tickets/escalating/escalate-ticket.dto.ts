import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ESCALATION_REASONS, type EscalationReason, MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/escalate */
export class EscalateTicketDto {
  @IsIn(ESCALATION_REASONS) reason!: EscalationReason;
  @IsOptional() @IsString() @MaxLength(MAX_NOTE_LENGTH) note?: string;
  /** Required from intake: the department whose experts must answer. */
  @IsOptional() @IsString() @Length(1, 64) department?: string;
}
