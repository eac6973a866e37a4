import type { EventStore, GlobalPosition, RecordedEvent } from '@switchboard/event-store';

/** Events per readAll page: large enough to stream fast, small enough to keep memory flat. */
export const SCAN_PAGE_SIZE = 1000;

/** Reads `$all` forwards in keyset pages after `after` (exclusive), so any amount of history streams in flat memory. */
export async function* scanAll(store: EventStore, after?: GlobalPosition, pageSize = SCAN_PAGE_SIZE): AsyncGenerator<RecordedEvent> {
  let position = after;
  for (;;) {
    let count = 0;
    for await (const event of store.readAll({ after: position, maxCount: pageSize })) {
      count += 1;
      position = event.globalPosition;
      yield event;
    }
    if (count < pageSize) return;
  }
}

/** The position of the last event in `$all`, or undefined for an empty store. */
export async function headPosition(store: EventStore): Promise<GlobalPosition | undefined> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
  return undefined;
}
