import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { openResidentKeyStore } from '@switchboard/command-handling';
import type { ResidentKeyStore } from '@switchboard/ticketing';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { ResidentDataReads } from './resident-data-reads';

/** Injection token of the resident key store (one per process: the writers, readers and the in-process projection share it). */
export const RESIDENT_KEYS = 'switchboard:ResidentKeyStore';

@Injectable()
class ResidentKeysShutdown implements OnApplicationShutdown {
  constructor(@Inject(RESIDENT_KEYS) private readonly keys: ResidentKeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}

/** The resident key store of the configured event log (SWITCHBOARD_RESIDENT_KEYS, else resident-keys.db beside a SQLite log), and the record of who read resident data. */
@Global()
@Module({
  providers: [
    {
      provide: RESIDENT_KEYS,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => openResidentKeyStore(config.eventStoreUrl, config.residentKeysPath),
    },
    ResidentKeysShutdown,
    ResidentDataReads,
  ],
  exports: [RESIDENT_KEYS, ResidentDataReads],
})
export class ResidentKeysModule {}
