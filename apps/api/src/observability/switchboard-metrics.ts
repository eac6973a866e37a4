import { Injectable } from '@nestjs/common';
import type { CommandObserver, CommandOutcome } from '@switchboard/command-handling';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds) from sub-millisecond appends to slow multi-second requests. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** One value of a gauge that is read when Prometheus scrapes, e.g. projection lag per projection. */
export type GaugeReading = { readonly labels: Record<string, string>; readonly value: number };

/**
 * Every Prometheus instrument of the process, in one registry served at /metrics. The command
 * pipeline reports through the CommandObserver it implements; read-side parts (projection lag,
 * open tickets, SLA) register readers that are asked at scrape time.
 */
@Injectable()
export class SwitchboardMetrics implements CommandObserver {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status class.',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly commandDuration = new Histogram({
    name: 'switchboard_command_duration_seconds',
    help: 'Command latency (load, decide, append) by command type and outcome.',
    labelNames: ['command', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly appendDuration = new Histogram({
    name: 'switchboard_event_store_append_duration_seconds',
    help: 'Latency of durable appends to the event store (includes waiting for the group commit).',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly conflicts = new Counter({
    name: 'switchboard_command_conflicts_total',
    help: 'Appends refused because another writer changed the ticket first, by command and whether it was retried.',
    labelNames: ['command', 'retried'],
    registers: [this.registry],
  });

  private readonly slaActions = new Counter({
    name: 'switchboard_sla_actions_total',
    help: 'SLA breaches recorded and automatic escalations made by the SLA watcher.',
    labelNames: ['action'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'switchboard_' });
  }

  /** Records one HTTP exchange. */
  httpFinished(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: `${Math.floor(statusCode / 100)}xx` }, seconds);
  }

  commandFinished(type: string, outcome: CommandOutcome, seconds: number): void {
    this.commandDuration.observe({ command: type, outcome }, seconds);
  }

  conflict(type: string, retried: boolean): void {
    this.conflicts.inc({ command: type, retried: String(retried) });
  }

  appended(seconds: number): void {
    this.appendDuration.observe(seconds);
  }

  /** Counts an SLA watcher action: `breach`, `escalate_tier1` or `escalate_tier2`. */
  slaAction(action: string): void {
    this.slaActions.inc({ action });
  }

  /** Registers a gauge whose values are read at scrape time (lag, open tickets per department…). */
  gauge(name: string, help: string, labelNames: readonly string[], read: () => Promise<readonly GaugeReading[]> | readonly GaugeReading[]): void {
    new Gauge({
      name,
      help,
      labelNames: [...labelNames],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const reading of await read()) this.set(reading.labels, reading.value);
      },
    });
  }
}
