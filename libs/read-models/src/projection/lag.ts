import type { EventStore, GlobalPosition } from '@switchboard/event-store';
import type { Checkpoint } from './checkpoint';
import { isProjected } from './projected-streams';

/** How far the read models trail the event log. */
export interface ProjectionLag {
  readonly checkpoint: GlobalPosition | undefined;
  /** The last ticket event in the log (or the checkpoint when nothing newer was found). */
  readonly head: GlobalPosition | undefined;
  /** Ticket events not yet applied; counting stops at `countLimit`, then `eventsBehindIsLowerBound` is true. */
  readonly eventsBehind: number;
  readonly eventsBehindIsLowerBound: boolean;
  /** now − recordedAt of the last applied event while behind; 0 when caught up. */
  readonly secondsBehind: number;
}

/**
 * Measures lag by reading the log after the checkpoint (at most `countLimit` events, so a health
 * check stays cheap however far behind the projector is).
 */
export async function measureLag(eventStore: EventStore, checkpoint: Checkpoint, now: Date, countLimit = 10_000): Promise<ProjectionLag> {
  let eventsBehind = 0;
  let scanned = 0;
  let head = checkpoint.position;
  for await (const event of eventStore.readAll({ after: checkpoint.position, maxCount: countLimit })) {
    scanned++;
    if (!isProjected(event)) continue;
    eventsBehind++;
    head = event.globalPosition;
  }
  const since = checkpoint.lastRecordedAt?.getTime() ?? now.getTime();
  return {
    checkpoint: checkpoint.position,
    head,
    eventsBehind,
    eventsBehindIsLowerBound: scanned === countLimit,
    secondsBehind: eventsBehind === 0 ? 0 : Math.max(0, (now.getTime() - since) / 1000),
  };
}
