import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/assign */
export class AssignTicketDto {
  /** Department code from the service catalog. */
  @IsString() @Length(1, 64) department!: string;
  @IsOptional() @IsString() @Length(1, 128) assignee?: string;
  @IsOptional() @IsString() @MaxLength(MAX_NOTE_LENGTH) note?: string;
}
