import { type DynamicModule, Module } from '@nestjs/common';
import type { ApiConfig } from './api-config';

/** Injection token of the ApiConfig. */
export const API_CONFIG = 'switchboard:ApiConfig';

/** Makes the parsed configuration injectable everywhere. */
@Module({})
export class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return { module: ConfigModule, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] };
  }
}
