import { ApiProperty } from '@nestjs/swagger';
import { ActorDto } from '../tickets/reading/ticket-view.dto';
import { RESIDENT_DATA_READ_VIAS, type ResidentDataRead, type ResidentDataReadVia } from './resident-data-reads';

/** One answer that showed the record's resident data. */
export class ResidentDataReadDto implements ResidentDataRead {
  readonly at!: string;
  readonly by!: ActorDto;
  /** Where it was shown: the ticket view, the ticket's history, the contact view. */
  @ApiProperty({ enum: RESIDENT_DATA_READ_VIAS })
  readonly via!: ResidentDataReadVia;
}

/** GET /tickets/{id}/resident-data-reads, GET /contacts/{id}/resident-data-reads */
export class ResidentDataReadsDto {
  @ApiProperty({ type: [ResidentDataReadDto] })
  readonly reads!: readonly ResidentDataReadDto[];
}
