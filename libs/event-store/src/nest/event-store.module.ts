import { Inject, Injectable, Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '../port/event-store';
import { createEventStore, type EventStoreSettings } from '../config/create-event-store';

/** Injection token of the EventStore. */
export const EVENT_STORE = 'switchboard:EventStore';
const OPTIONS = 'switchboard:EventStoreModuleOptions';

export interface EventStoreModuleOptions extends EventStoreSettings {
  /** e.g. the value of SWITCHBOARD_EVENT_STORE: `sqlite:./data/switchboard.db`, `memory:`, `postgres://…`, `esdb://…`. */
  readonly url: string;
}

export interface EventStoreModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly inject?: InjectionToken[];
  readonly useFactory: (...args: never[]) => EventStoreModuleOptions | Promise<EventStoreModuleOptions>;
}

/** Closes the store when the application shuts down, after the modules using it were destroyed. */
@Injectable()
class EventStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the EventStore chosen by a configuration URL under EVENT_STORE, for the whole application. */
@Module({})
export class EventStoreModule {
  /** Configures the store from options known at import time. */
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return EventStoreModule.build([{ provide: OPTIONS, useValue: options }]);
  }

  /** Configures the store from options computed by a factory (e.g. from a ConfigService). */
  static forRootAsync(options: EventStoreModuleAsyncOptions): DynamicModule {
    return EventStoreModule.build(
      [{ provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory as (...args: unknown[]) => unknown }],
      options.imports,
    );
  }

  private static build(optionsProviders: DynamicModule['providers'] & object, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports,
      providers: [
        ...optionsProviders,
        {
          provide: EVENT_STORE,
          inject: [OPTIONS],
          useFactory: (options: EventStoreModuleOptions) => createEventStore(options.url, options),
        },
        EventStoreShutdown,
      ],
      exports: [EVENT_STORE],
    };
  }
}
