import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type GlobalPosition, parseEventStoreUrl } from '@switchboard/event-store';
import { InvalidQueryParameterError, type ReadModels } from '@switchboard/read-models';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { READ_MODELS } from '../read-models/read-models.module';

const SEQUENCE_POSITION = { format: /^\d{20}$/, example: '00000000000000000042', kind: '20 digits' };
const ESDB_POSITION = { format: /^\d{20}\/\d{20}$/, example: '00000000000000000042/00000000000000000042', kind: '"<commit>/<prepare>", 20 digits each' };

/** Lets a query see the caller's own writes: waits until the read models include a command's position. */
@Injectable()
export class ReadYourWrites {
  private readonly position: typeof SEQUENCE_POSITION;
  /** The highest head seen: the log only grows, so a position at or below it needs no look. */
  private knownHead: GlobalPosition | undefined;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.position = parseEventStoreUrl(config.eventStoreUrl).adapter === 'esdb' ? ESDB_POSITION : SEQUENCE_POSITION;
  }

  /**
   * Resolves once the read models include `position` (at once without one); rejects with
   * ReadModelTimeoutError after the configured bound. A position that no command of this event
   * store can have answered — another store's format, or beyond the log's head — is refused at
   * once (InvalidQueryParameterError naming `position`), rather than waited for.
   */
  async reach(position: string | undefined): Promise<void> {
    if (position === undefined) return;
    await this.check(position);
    await this.readModels.waitForPosition(position, this.config.readWaitMs);
  }

  /** Refuses a position this event store cannot have answered (queries that read the log itself take `position` too). */
  async check(position: string | undefined): Promise<void> {
    if (position === undefined) return;
    if (!this.position.format.test(position)) {
      throw new InvalidQueryParameterError(
        'position',
        `is not a position of this event store (expected ${this.position.kind}, e.g. ${this.position.example}); got ${JSON.stringify(position)}.`,
      );
    }
    if (this.knownHead !== undefined && position <= this.knownHead) return;
    const head = await this.head();
    if (head !== undefined && (this.knownHead === undefined || head > this.knownHead)) this.knownHead = head;
    if (head === undefined || position > head) {
      throw new InvalidQueryParameterError(
        'position',
        `is beyond the end of the event log (${head ?? 'no events yet'}): pass the "position" a command answered.`,
      );
    }
  }

  private async head(): Promise<GlobalPosition | undefined> {
    for await (const event of this.store.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
    return undefined;
  }
}
