import type { FactoryProvider } from '@nestjs/common';
import { type ContactCommandHandler, contactCommandHandler } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { projectedArticle, type ReadStore } from '@switchboard/read-models';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { RESIDENT_KEYS } from '../privacy/resident-keys.module';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { READ_STORE } from '../read-models/read-models.module';

/** Injection token of the contact command pipeline. */
export const CONTACT_COMMANDS = 'switchboard:ContactCommands';

/**
 * The contact command pipeline. An article used must be one the knowledge base has published
 * (published now or retired since, as the read side holds it): a draft was never an answer.
 */
export const contactCommandsProvider: FactoryProvider<ContactCommandHandler> = {
  provide: CONTACT_COMMANDS,
  inject: [EVENT_STORE, CATALOG, CLOCK, READ_STORE, RESIDENT_KEYS],
  useFactory: (store: EventStore, catalog: ServiceCatalog, clock: Clock, readStore: ReadStore, keys: ResidentKeyStore) =>
    contactCommandHandler(
      store,
      catalog,
      () => clock.now(),
      async (articleId) => {
        const article = await projectedArticle(readStore.db, articleId);
        return article !== undefined && article.status !== 'draft';
      },
      keys,
    ),
};
