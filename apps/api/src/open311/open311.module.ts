import { type DynamicModule, Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { AttachmentsModule } from '../attachments/attachments.module';
import { TicketsModule } from '../tickets/tickets.module';
import { MediaController } from './media/media.controller';
import { RequestUpdatesController } from './updates/request-updates.controller';
import { MultipartFormGuard } from './requests/submitting/multipart-form.guard';
import { ApiKeyActors } from './api-key/api-key-actors';
import { ApiKeyGuard } from './api-key/api-key.guard';
import { DiscoveryController } from './discovery/discovery.controller';
import { Open311Endpoint } from './open311-endpoint';
import { ReadModelRequestSearch } from './requests/listing/read-model-request-search';
import { REQUEST_SEARCH } from './requests/listing/request-search';
import { RequestsController } from './requests/reading/requests.controller';
import { ServiceRequestReader } from './requests/reading/service-request-reader';
import { SubmitRequestController } from './requests/submitting/submit-request.controller';
import { ServicesController } from './services/services.controller';
import { TokensController } from './tokens/tokens.controller';
import { UnknownResourceController } from './unknown-resource.controller';

/** Open311 GeoReport v2 (docs/open311.md) under a configurable base path, e.g. /open311/v2. */
@Module({})
export class Open311Module {
  static forRoot(basePath: string): DynamicModule {
    return {
      module: Open311Module,
      imports: [RouterModule.register([{ path: basePath, module: Open311Module }]), TicketsModule, AttachmentsModule],
      controllers: [
        DiscoveryController,
        ServicesController,
        SubmitRequestController,
        RequestsController,
        RequestUpdatesController,
        MediaController,
        TokensController,
        UnknownResourceController,
      ],
      providers: [
        Open311Endpoint,
        ApiKeyActors,
        ApiKeyGuard,
        MultipartFormGuard,
        ServiceRequestReader,
        { provide: REQUEST_SEARCH, useClass: ReadModelRequestSearch },
      ],
    };
  }
}
