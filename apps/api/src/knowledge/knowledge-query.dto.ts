import { IsOptional, Length, Matches } from 'class-validator';
import { IsWholeNumber } from '../input/query-validators';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';

/** GET /knowledge/search?q=…[&language=es&limit=10] */
export class KnowledgeSearchQueryDto extends ReadPositionQuery {
  /** What the resident asked, in their words (type-ahead: the beginning of a word counts). */
  @Length(1, 200) q!: string;
  /** The caller's language (`en`, `es`, …): articles written in it win a tie. */
  @IsOptional() @Matches(/^[a-z]{2,3}$/, { message: 'must be a language code such as en or es' }) language?: string;
  /** Hits, 1–50 (default 10). */
  @IsOptional() @IsWholeNumber(1, 50) limit?: string;
}

/** GET /knowledge/search?q=…[&contactId=…]: a staff search, recorded on the contact it was run for. */
export class StaffKnowledgeSearchQueryDto extends KnowledgeSearchQueryDto {
  /** The open contact the search is for: the search (what was asked, how much it found) is recorded on it, for the gaps list. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be a contact id: 1-40 letters, digits, "-" or "_"' }) contactId?: string;
}
