import type { EventStore, GlobalPosition } from '@switchboard/event-store';
import type { ReadStore } from '@switchboard/read-models';
import { deliveriesByStatus, readOutboundCheckpoint } from './delivery-log';
import { outboundDb, type DeliveryStatus } from './outbound-db';

/** How far the outbound side trails the log and its receivers, as any process sharing the read store can read it. */
export interface OutboundLag {
  readonly checkpoint: GlobalPosition | undefined;
  /** Events in the log after the checkpoint (counting stops at `countLimit`). */
  readonly eventsBehind: number;
  /** now − recordedAt of the last planned event while events wait; 0 when caught up. */
  readonly secondsBehind: number;
  /** How long the oldest delivery due now has waited; 0 when none is due. */
  readonly oldestDueSeconds: number;
  readonly deliveries: readonly { readonly destination: string; readonly status: DeliveryStatus; readonly count: number }[];
}

/** Reads the consumer's checkpoint, the events after it (at most `countLimit`), the oldest due delivery and the deliveries by status. */
export async function measureOutboundLag(eventStore: EventStore, readStore: ReadStore, consumer: string, now: Date, countLimit = 10_000): Promise<OutboundLag> {
  const db = outboundDb(readStore.db);
  const checkpoint = await readOutboundCheckpoint(db, consumer);
  let eventsBehind = 0;
  // A consumer that never ran has planned nothing yet; it will begin at the head (by default): nothing waits for it.
  if (checkpoint.exists) for await (const _event of eventStore.readAll({ after: checkpoint.position, maxCount: countLimit })) eventsBehind++;
  const since = checkpoint.lastRecordedAt?.getTime() ?? now.getTime();
  const oldest = await db
    .selectFrom('ob_deliveries')
    .select('next_attempt_at')
    .where('next_attempt_at', 'is not', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .where('status', '=', 'pending')
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  return {
    checkpoint: checkpoint.position,
    eventsBehind,
    secondsBehind: eventsBehind === 0 ? 0 : Math.max(0, (now.getTime() - since) / 1000),
    oldestDueSeconds: oldest?.next_attempt_at ? Math.max(0, (now.getTime() - Date.parse(oldest.next_attempt_at)) / 1000) : 0,
    deliveries: await deliveriesByStatus(db),
  };
}
