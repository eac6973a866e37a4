import { Counter, Gauge, type Registry } from 'prom-client';
import type { OutboundLag } from './outbound-lag';
import type { OutboundObserver } from './outbound-consumer';

/**
 * The outbound side's Prometheus instruments, registered in the process's registry (the API's or the
 * projector's): lag behind the log, the oldest due delivery's wait and the deliveries by destination
 * and status are read from the read store at scrape time (so an API instance that does not deliver
 * reports them too); attempts are counted by the process that makes them.
 */
export function registerOutboundMetrics(
  registry: Registry,
  lag: () => Promise<OutboundLag>,
  onError: (error: unknown) => void = () => undefined,
): OutboundObserver {
  let reading: Promise<OutboundLag> | undefined;
  // One measurement per scrape, shared by the gauges.
  const measure = async (): Promise<OutboundLag | undefined> => {
    reading ??= lag().finally(() => setImmediate(() => (reading = undefined)));
    try {
      return await reading;
    } catch (error) {
      // A scrape must still answer the other metrics when the read store is down.
      onError(error);
      return undefined;
    }
  };
  const gauge = (name: string, help: string, labelNames: string[], read: (lag: OutboundLag, gauge: Gauge) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const measured = await measure();
        if (measured) read(measured, this);
      },
    });
  gauge('switchboard_outbound_lag_events', 'Events in the log the outbound consumer has not planned yet (a lower bound past 10,000).', [], (lag, g) =>
    g.set(lag.eventsBehind),
  );
  gauge('switchboard_outbound_lag_seconds', 'Seconds since the last planned event was recorded, while events wait; 0 when caught up.', [], (lag, g) =>
    g.set(lag.secondsBehind),
  );
  gauge('switchboard_outbound_oldest_due_seconds', 'How long the oldest delivery due now has waited for its attempt; 0 when none is due.', [], (lag, g) =>
    g.set(lag.oldestDueSeconds),
  );
  gauge(
    'switchboard_outbound_deliveries',
    'Deliveries in the delivery log by destination and status (pending, sending, delivered, given_up).',
    ['destination', 'status'],
    (lag, g) => {
      for (const { destination, status, count } of lag.deliveries) g.set({ destination, status }, count);
    },
  );
  const attempts = new Counter({
    name: 'switchboard_outbound_attempts_total',
    help: 'Delivery attempts made by this process, by destination and outcome (delivered, failed: to be retried, given_up).',
    labelNames: ['destination', 'outcome'],
    registers: [registry],
  });
  return { attempted: (destination, outcome) => attempts.inc({ destination, outcome }) };
}
