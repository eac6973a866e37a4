import type { ProjectionLag } from '@switchboard/read-models';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * The projector's Prometheus metrics, served at /metrics beside /health: in the production shape
 * the SLA watcher and the projection runner live here, not in the API processes.
 */
export class ProjectorMetrics {
  readonly registry = new Registry();
  private readonly slaActions = new Counter({
    name: 'switchboard_sla_actions_total',
    help: 'SLA breaches recorded and automatic escalations made by the SLA watcher.',
    labelNames: ['action'],
    registers: [this.registry],
  });

  constructor(lag: () => Promise<ProjectionLag>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'switchboard_' });
    let reading: Promise<ProjectionLag> | undefined;
    // One lag measurement per scrape, shared by both gauges.
    const measure = () => (reading ??= lag().finally(() => setImmediate(() => (reading = undefined))));
    new Gauge({
      name: 'switchboard_projection_lag_events',
      help: 'Events in the log the read models have not applied yet.',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.set({ projection: 'tickets' }, (await measure()).eventsBehind);
      },
    });
    new Gauge({
      name: 'switchboard_projection_lag_seconds',
      help: 'How far behind the log the read models are, in seconds.',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.set({ projection: 'tickets' }, (await measure()).secondsBehind);
      },
    });
  }

  /** Counts a watcher action: `breach`, `escalate_tier1` or `escalate_tier2`. */
  slaAction(action: string): void {
    this.slaActions.inc({ action });
  }
}
