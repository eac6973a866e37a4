import { readFileSync } from 'node:fs';
import { Global, Module } from '@nestjs/common';
import { parseCatalog, type ServiceCatalog } from '@switchboard/ticketing';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';

/** Injection token of the ServiceCatalog. */
export const CATALOG = 'switchboard:ServiceCatalog';

/** Loads the service catalog file named by the configuration (failing startup if it is invalid). */
@Global()
@Module({
  providers: [
    {
      provide: CATALOG,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig): ServiceCatalog => parseCatalog(readFileSync(config.catalogPath, 'utf8'), config.catalogPath),
    },
  ],
  exports: [CATALOG],
})
export class CatalogModule {}
