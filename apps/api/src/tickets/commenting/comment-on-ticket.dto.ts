import { IsIn, IsString, Length } from 'class-validator';
import { COMMENT_VISIBILITIES, type CommentVisibility, MAX_NOTE_LENGTH } from '@switchboard/ticketing';

/** POST /tickets/:id/comments */
export class CommentOnTicketDto {
  @IsString() @Length(1, MAX_NOTE_LENGTH) body!: string;
  @IsIn(COMMENT_VISIBILITIES) visibility!: CommentVisibility;
}
