import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { type ServiceCatalog, TICKET_STREAM_PREFIX } from '@switchboard/ticketing';
import type { CompletionFigures, CompletionMetricsOptions } from '../metrics/completion-metrics';
import type { Moment } from '../temporal/ticket-versions';
import { CompletionTally } from './completion-tally';
import { hasEnded, metricFactsAtMomentOf, MomentFold, type MomentTicket } from './moment-fold';
import { countsIn, rangeOf } from './replay-as-of';
import { StreamFilter } from './stream-filter';
import { scanAll } from './scan-all';

/** A completion report replayed from the log: its figures, and how many tickets counted in its range. */
export interface ReplayedCompletion {
  readonly figures: CompletionFigures[];
  readonly tickets: number;
  /** Tickets whose state was read back from their own stream because an event came after they had ended (a reopen). */
  readonly restored: number;
  /** The most tickets held in memory at once: the tickets open at some point of the log, not all tickets. */
  readonly peakOpen: number;
}

/**
 * Completion metrics at a moment (as of, or as known at), replayed from the whole log in one pass,
 * in memory that grows with the tickets still open, not with all tickets. Each event is folded
 * with the temporal read model's fold reduced to what the report reads (`MomentFold`, which
 * answers what `foldAtMoment` answers), so the figures are the ones the read store answers at
 * that moment. A ticket leaves memory as soon as nothing more can change what it
 * contributes at the moment — settled (a later version begins after the moment) — or as soon as it
 * has ended (completed or closed): it is counted into the tally and forgotten, and its stream name
 * is put in a filter. An ended ticket can still change (a completed ticket reopened, any event after
 * its end): when an event comes for a forgotten stream the filter holds, the ticket's state is folded
 * again from its own stream up to that event (the log is the spill), taken back out of the tally, and
 * followed in memory again. Streams the filter does not hold were settled or never opened: their
 * later events change nothing at the moment, as the fold itself would decide (a stream's first event
 * opens the ticket, so a ticket never met again starts from nothing).
 */
export async function replayCompletion(
  store: EventStore,
  catalog: ServiceCatalog,
  moment: Moment,
  options: CompletionMetricsOptions,
): Promise<ReplayedCompletion> {
  const tally = new CompletionTally(options);
  const fold = new MomentFold(catalog, moment);
  const open = new Map<string, MomentTicket>();
  const ended = new StreamFilter();
  const range = rangeOf(options.from, options.to);
  let tickets = 0;
  let restored = 0;
  let peakOpen = 0;
  /** Adds (or takes back) a ticket's facts in force at the moment, when it counts in the report's range. */
  const count = ({ facts }: MomentTicket, sign: 1 | -1): void => {
    // The version a ticket holds began by the moment and none has begun after it: it is in force at the moment.
    if (!facts || !countsIn(facts, range)) return;
    if (sign === 1) tally.add(metricFactsAtMomentOf(facts));
    else tally.remove(metricFactsAtMomentOf(facts));
    tickets += sign;
  };

  for await (const recorded of scanAll(store)) {
    const stream = recorded.streamName;
    if (!stream.startsWith(TICKET_STREAM_PREFIX)) continue;
    let ticket = open.get(stream);
    if (!ticket && recorded.revision > 0 && ended.mayHold(stream)) {
      const before = await refold(store, stream, recorded, fold);
      // Only a ticket forgotten when it ended folds back unsettled (one still open is in memory): take it back out of the tally.
      if (before && !before.settled) {
        count(before, -1);
        open.set(stream, before);
        ticket = before;
        restored++;
      }
    }
    const after = fold.fold(ticket, recorded);
    if (!after) continue;
    if (after !== ticket) open.set(stream, after);
    if (open.size > peakOpen) peakOpen = open.size;
    if (after.settled || hasEnded(after)) {
      count(after, 1);
      open.delete(stream);
      if (!after.settled) ended.add(stream);
    }
  }
  for (const ticket of open.values()) count(ticket, 1);
  return { figures: tally.figures(), tickets, restored, peakOpen };
}

/** A ticket as the fold left it just before `next`, folded again from its own stream's earlier events. */
async function refold(store: EventStore, stream: string, next: RecordedEvent, fold: MomentFold): Promise<MomentTicket | undefined> {
  let ticket: MomentTicket | undefined;
  for await (const recorded of store.readStream(stream, { maxCount: next.revision })) ticket = fold.fold(ticket, recorded);
  return ticket;
}
