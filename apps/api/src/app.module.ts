import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventStoreModule } from '@switchboard/event-store';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BenchBaselineController } from './bench-baseline/bench-baseline.controller';
import { CatalogModule } from './catalog/catalog.module';
import { DepartmentsCatalogController } from './catalog/departments-catalog.controller';
import { CLOCK, type Clock, systemClock } from './clock/clock';
import type { ApiConfig } from './config/api-config';
import { ConfigModule } from './config/config.module';
import { DepartmentsModule } from './departments/departments.module';
import { HealthController } from './health/health.controller';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { MeController } from './me/me.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { Open311Module } from './open311/open311.module';
import { OutboundModule } from './outbound/outbound.module';
import { PhoneCoverageModule } from './phone-coverage/phone-coverage.module';
import { ReadModelGauges } from './read-models/read-model-gauges';
import { ReadModelsModule } from './read-models/read-models.module';
import { ReportingModule } from './reporting/reporting.module';
import { SlaModule } from './sla/sla.module';
import { RevisionEtagInterceptor } from './tickets/command-handling/revision-etag.interceptor';
import { TicketListingModule } from './tickets/listing/ticket-listing.module';
import { TicketsModule } from './tickets/tickets.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { DuplicatesModule } from './tickets/duplicates/duplicates.module';
import { ResidentsModule } from './residents/residents.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ResidentKeysModule } from './privacy/resident-keys.module';

/** The API, wired from a parsed configuration; tests pass their own clock. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule,
        EventStoreModule.forRoot({ url: config.eventStoreUrl }),
        ResidentKeysModule,
        CatalogModule,
        AuthModule,
        TicketsModule,
        ReadModelsModule,
        DepartmentsModule,
        TicketListingModule,
        ReportingModule,
        Open311Module.forRoot(config.open311.basePath),
        SlaModule,
        KnowledgeModule,
        PhoneCoverageModule,
        DuplicatesModule,
        ResidentsModule,
        PrivacyModule,
        AuditModule,
        AttachmentsModule,
        OutboundModule,
        WebhooksModule,
        NotificationsModule,
        { module: ClockModule, global: true, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] },
      ],
      controllers: [HealthController, MeController, DepartmentsCatalogController, ...(config.benchBaseline ? [BenchBaselineController] : [])],
      providers: [{ provide: APP_INTERCEPTOR, useClass: RevisionEtagInterceptor }, ReadModelGauges],
    };
  }
}

/** Holds the injected Clock. */
@Module({})
class ClockModule {}
