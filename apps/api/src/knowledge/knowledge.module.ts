import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { KnowledgeSearchIndex, serviceSearchEntries } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { ArticleCommandsController } from './article-commands.controller';
import { ArticleReadingController } from './article-reading.controller';
import { KnowledgeController, PublicKnowledgeController } from './knowledge-search.controller';
import { articleCommandsProvider, knowledgeSearchProvider } from './knowledge.providers';

/**
 * Keeps the search index's service types those of the catalog this process runs with (articles come
 * from their events), and reads the index's words into memory before the first search asks.
 */
@Injectable()
class ServiceTypesIndexer implements OnApplicationBootstrap {
  constructor(
    private readonly index: KnowledgeSearchIndex,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.index.replaceAll('service', new Map(this.catalog.services().map((service) => [service.code, serviceSearchEntries(service)])));
    await this.index.warm();
  }
}

/** The knowledge base: article commands, search over articles and service types, and the residents' read-only view. */
@Module({
  imports: [ReadYourWritesModule, ContactsModule],
  controllers: [KnowledgeController, PublicKnowledgeController, ArticleReadingController, ArticleCommandsController],
  providers: [articleCommandsProvider, knowledgeSearchProvider, ServiceTypesIndexer],
  exports: [articleCommandsProvider],
})
export class KnowledgeModule {}
