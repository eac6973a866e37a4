import { IsString, Length } from 'class-validator';
import { MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/reopen */
export class ReopenTicketDto {
  @IsString() @Length(1, MAX_NOTE_LENGTH) reason!: string;
}
