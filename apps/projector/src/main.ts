import type { Server } from 'node:http';
import { type OutboundObserver, registerOutboundMetrics } from '@switchboard/outbound';
import { startHealthServer } from './health-server';
import { errorField, log } from './log';
import { Projector } from './projector';
import { loadProjectorConfig } from './projector-config';
import { ProjectorMetrics } from './projector-metrics';

/** Runs the projector from environment variables (docs/operations.md) until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadProjectorConfig();
  let metrics: ProjectorMetrics | undefined;
  let outboundObserver: OutboundObserver | undefined;
  const projector = await Projector.start(config, {
    outbound: { attempted: (destination, outcome, seconds) => outboundObserver?.attempted?.(destination, outcome, seconds) },
    onError: (error) => log('error', 'recovered from a failure', { error: errorField(error) }),
    sla: {
      slaAction: (action, ticketId) => {
        metrics?.slaAction(action);
        log('info', 'SLA action', { action, ticketId });
      },
      failed: (ticketId, error) => log('error', 'SLA watcher could not settle a ticket; the next scan retries', { ticketId, error: errorField(error) }),
    },
    pruned: ({ deleted, prunedThrough }) => {
      if (deleted > 0) log('info', 'pruned the queue change log', { deleted, prunedThrough, resumeWindowDays: config.queueFeedResumeDays });
    },
    checkpointWritten: ({ body }) => log('info', 'signed a checkpoint of the event log', { events: body.events, position: body.position, keyId: body.keyId }),
    checkpointsOff: (reason) => log('warn', 'no periodic checkpoints of the event log', { reason }),
  });
  metrics = new ProjectorMetrics(() => projector.readModels.lag());
  outboundObserver = registerOutboundMetrics(
    metrics.registry,
    () => projector.outbound.lag(),
    (error) => log('warn', 'outbound lag unavailable', { error: errorField(error) }),
  );
  const health: Server | undefined =
    config.healthPort === undefined ? undefined : await startHealthServer(projector, config.healthPort, config.healthHost, metrics);
  // Every timer of the runner and the watch loop is unref'd (they must not hold a test or the API open): this one keeps the process alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  log('info', 'projector ready', { role: projector.status, health: health ? `http://${config.healthHost}:${config.healthPort}/health` : 'off' });
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log('info', 'stopping', { signal });
      clearInterval(keepAlive);
      health?.close();
      projector.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log('error', 'stopped with an error', { error: errorField(error) });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  log('error', 'could not start', { error: errorField(error) });
  process.exit(1);
});
