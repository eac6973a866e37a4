import type { EventStore } from '@switchboard/event-store';
import {
  type ArticleCommand,
  type ArticleEvent,
  type ArticleState,
  articleStream,
  decideArticle,
  evolveArticle,
  initialArticleState,
} from '@switchboard/knowledge';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { type StreamAggregate, StreamCommandHandler } from '../stream-command-handler';

/** Knowledge-base articles as the pipeline handles them: `article-<id>` streams, folded and decided by the article domain. */
export const articleAggregate: StreamAggregate<ArticleCommand, ArticleState, ArticleEvent> & { readonly statusOf: (state: ArticleState) => string } = {
  name: 'Article',
  codec: articleStream,
  initial: initialArticleState,
  evolve: evolveArticle,
  decide: decideArticle,
  idOf: (command) => command.articleId,
  statusOf: (state) => state.status,
};

export type ArticleCommandHandler = StreamCommandHandler<ArticleCommand, ArticleState, ArticleEvent>;

/** The article command pipeline on a store, with the catalog articles are checked against and the clock. */
export const articleCommandHandler = (store: EventStore, catalog: ServiceCatalog, now: () => Date): ArticleCommandHandler =>
  new StreamCommandHandler(store, articleAggregate, catalog, now);
