import { IsIn, IsOptional, Matches } from 'class-validator';
import { CATALOG_CODE } from '../input/query-validators';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';

/** The article states a list can be narrowed to. */
export const LISTED_STATUSES = ['draft', 'published', 'retired'] as const;

/** GET /knowledge/articles?department=DPW&status=published */
export class ArticleListQueryDto extends ReadPositionQuery {
  /** Only the articles this department owns (a catalog department code). */
  @IsOptional() @Matches(CATALOG_CODE, { message: 'must be a department code such as DPW' }) department?: string;
  /** Only articles in this state: draft, published or retired. */
  @IsOptional() @IsIn(LISTED_STATUSES, { message: 'must be draft, published or retired' }) status?: (typeof LISTED_STATUSES)[number];
}
