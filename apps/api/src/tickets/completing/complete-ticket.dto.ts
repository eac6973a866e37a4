import { IsString, Length } from 'class-validator';
import { MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/complete */
export class CompleteTicketDto {
  @IsString() @Length(1, 64) resolutionCode!: string;
  @IsString() @Length(1, MAX_NOTE_LENGTH) note!: string;
}
