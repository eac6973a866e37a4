import type { FactoryProvider } from '@nestjs/common';
import { type ArticleCommandHandler, articleCommandHandler } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { KnowledgeSearchIndex, type ReadStore } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { READ_STORE } from '../read-models/read-models.module';

/** Injection token of the article command pipeline. */
export const ARTICLE_COMMANDS = 'switchboard:ArticleCommands';

export const articleCommandsProvider: FactoryProvider<ArticleCommandHandler> = {
  provide: ARTICLE_COMMANDS,
  inject: [EVENT_STORE, CATALOG, CLOCK],
  useFactory: (store: EventStore, catalog: ServiceCatalog, clock: Clock) => articleCommandHandler(store, catalog, () => clock.now()),
};

export const knowledgeSearchProvider: FactoryProvider<KnowledgeSearchIndex> = {
  provide: KnowledgeSearchIndex,
  inject: [READ_STORE],
  useFactory: (readStore: ReadStore) => new KnowledgeSearchIndex(readStore),
};
