import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/erase-resident-data, POST /contacts/:id/erase-resident-data */
export class EraseResidentDataDto {
  /** Why (the privacy request, the records schedule): recorded on the record's stream. */
  @IsString() @Length(1, MAX_NOTE_LENGTH) reason!: string;
}

/** What an erasure answers. */
export class ErasureResultDto {
  /** The ticket's or the contact's id. */
  id!: string;
  /** The revision and global position of the ResidentDataErased event (the earlier one's when already erased). */
  revision!: number;
  position!: string;
  erasedAt!: string;
  @ApiProperty({ description: 'True when the resident data had been erased already: nothing new was recorded.' })
  alreadyErased!: boolean;
}
