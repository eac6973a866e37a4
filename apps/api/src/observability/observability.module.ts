import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { SwitchboardMetrics } from './switchboard-metrics';

/** Prometheus metrics for the whole process; global so any module can report through it. */
@Global()
@Module({ controllers: [MetricsController], providers: [SwitchboardMetrics], exports: [SwitchboardMetrics] })
export class ObservabilityModule {}
