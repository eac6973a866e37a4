import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NOTE_LENGTH, PRIORITIES, type Priority } from '@switchboard/ticketing';

/** POST /tickets/:id/priority */
export class ChangePriorityDto {
  @IsIn(PRIORITIES) priority!: Priority;
  @IsOptional() @IsString() @MaxLength(MAX_NOTE_LENGTH) reason?: string;
}
