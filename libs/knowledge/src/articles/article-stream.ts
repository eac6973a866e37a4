import { streamCodec } from '../shared/stream-codec';
import { type ArticleEvent, ARTICLE_SCHEMA_VERSIONS } from './article-events';

/** The one mapping between article events and a store's records: streams are `article-<id>`. */
export const articleStream = streamCodec<ArticleEvent>('article-', ARTICLE_SCHEMA_VERSIONS);
