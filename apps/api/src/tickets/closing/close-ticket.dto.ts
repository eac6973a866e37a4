import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CLOSE_REASONS, type CloseReason, MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/close */
export class CloseTicketDto {
  @IsIn(CLOSE_REASONS) reason!: CloseReason;
  /** Required when the reason is `duplicate`. */
  @IsOptional() @IsString() @Length(1, 40) parentTicketId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_NOTE_LENGTH) note?: string;
}
