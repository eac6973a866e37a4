import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { endedAt, headPosition, type MetricFacts, metricFactsOf, replayAsOf, type ReplayedTicket } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { SwitchboardMetrics } from '../observability/switchboard-metrics';

/** Replays kept: a console asks for several reports at one asOf, rarely for many moments at once. */
export const AS_OF_REPLAYS_KEPT = 4;

/**
 * What a replay keeps: the metric facts of every ticket (completion reports), and the whole replayed
 * ticket only for those still open at that moment (the escalations list needs no ended ticket).
 * A long log is mostly ended tickets, so this keeps a small part of what the replay folded.
 */
export interface AsOfSnapshot {
  readonly facts: readonly MetricFacts[];
  readonly open: readonly ReplayedTicket[];
}

function snapshotOf(tickets: readonly ReplayedTicket[]): AsOfSnapshot {
  return { facts: tickets.map((ticket) => metricFactsOf(ticket.facts)), open: tickets.filter((ticket) => endedAt(ticket.facts) === null) };
}

/**
 * Tickets as they were at a past moment, replayed from the event log, for "as of" queries. The
 * last few replays are kept, keyed by the moment and the log's head position: asking again at the
 * same moment with no new event reuses one, while any append (a command, an import of old tickets)
 * moves the head and so replays again. Concurrent asks for one key share one replay.
 */
@Injectable()
export class AsOfReplays {
  private readonly kept = new Map<string, Promise<AsOfSnapshot>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly metrics: SwitchboardMetrics,
  ) {}

  /** Every ticket opened by `asOf`, as its events up to then leave it (metric facts; open tickets whole). */
  async ticketsAsOf(asOf: Date): Promise<AsOfSnapshot> {
    const key = `${asOf.toISOString()} ${(await headPosition(this.store)) ?? 'empty'}`;
    const kept = this.kept.get(key);
    if (kept) {
      // Most recently used last: the oldest is the first to go.
      this.kept.delete(key);
      this.kept.set(key, kept);
      this.metrics.asOfReplay('reused');
      return kept;
    }
    const replay = replayAsOf(this.store, this.catalog, asOf).then(snapshotOf);
    this.kept.set(key, replay);
    this.metrics.asOfReplay('replayed');
    replay.catch(() => this.kept.delete(key));
    while (this.kept.size > AS_OF_REPLAYS_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return replay;
  }
}
