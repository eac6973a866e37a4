import 'reflect-metadata';
import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '../port/event-store';
import { StoreUnavailableError } from '../port/errors';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { anEvent, collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { EVENT_STORE, EventStoreModule } from './event-store.module';

@Injectable()
class Config {
  url = 'memory:';
}

@Module({ providers: [Config], exports: [Config] })
class ConfigModule {}

async function contextWith(module: ReturnType<typeof EventStoreModule.forRoot>) {
  @Module({ imports: [module] })
  class AppModule {}
  return NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
}

describe('EventStoreModule', () => {
  const path = useTempDir();

  it('forRoot provides the adapter its URL selects and closes it on shutdown', async () => {
    const app = await contextWith(EventStoreModule.forRoot({ url: `sqlite:${path('data/events.db')}` }));
    const store = app.get<EventStore>(EVENT_STORE);
    expect(store).toBeInstanceOf(SqliteEventStore);
    await store.append('s', 'no_stream', [anEvent('A')]);
    await app.close();
    await expect(store.append('s', 0, [anEvent('B')])).rejects.toBeInstanceOf(StoreUnavailableError);
    const reopened = SqliteEventStore.open(path('data/events.db'));
    expect(await collect(reopened.readStream('s'))).toHaveLength(1);
    await reopened.close();
  });

  it('forRootAsync takes its options from injected providers and makes the store injectable everywhere', async () => {
    @Injectable()
    class Consumer {
      constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}
    }
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    @Module({
      imports: [
        EventStoreModule.forRootAsync({ imports: [ConfigModule], inject: [Config], useFactory: (config: Config) => ({ url: config.url }) }),
        FeatureModule,
      ],
    })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
    expect(app.get(Consumer).store).toBeInstanceOf(InMemoryEventStore);
    await app.close();
  });

  it('fails to start with a clear message for an unsupported URL', async () => {
    await expect(contextWith(EventStoreModule.forRoot({ url: 'mysql://x' }))).rejects.toThrow(/not supported; use/);
  });
});
