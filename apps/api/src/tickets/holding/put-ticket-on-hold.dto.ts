import { IsString, Length } from 'class-validator';
import { MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/hold */
export class PutTicketOnHoldDto {
  /** What the ticket waits for. */
  @IsString() @Length(1, MAX_NOTE_LENGTH) reason!: string;
}
