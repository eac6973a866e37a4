import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CHANNELS, type Channel, MAX_NOTE_LENGTH } from '@switchboard/ticketing';
import { ResidentContactDto } from '../opening/open-ticket.dto';

/** POST /tickets/:id/reports: another report of the problem the ticket records. */
export class RecordAnotherReportDto {
  @IsIn(CHANNELS) channel!: Channel;
  /** The reporting resident's contact data, handled exactly as a ticket's (shown only to the roles that may see it). */
  @IsOptional() @ValidateNested() @Type(() => ResidentContactDto) contact?: ResidentContactDto;
  /** The 311 contact the report was taken at; it must exist. Link it on the contact with `POST /contacts/:id/ticket` (`relation: same_problem`). */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be the id of a contact' }) raisedByContact?: string;
  @IsOptional() @IsString() @MaxLength(MAX_NOTE_LENGTH) note?: string;
}
