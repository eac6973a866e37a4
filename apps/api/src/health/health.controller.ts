import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ProjectionLag, ReadModels } from '@switchboard/read-models';
import { Public } from '../auth/public.decorator';
import { READ_MODELS } from '../read-models/read-models.module';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the event store answers a read and the read store its checkpoint; reports how far the projection trails. */
  @Get('ready')
  async ready(): Promise<Record<string, unknown>> {
    try {
      for await (const _event of this.store.readAll({ direction: 'backwards', maxCount: 1 })) break;
    } catch {
      throw new ServiceUnavailableException('The event store is not reachable.');
    }
    let projectionLag: ProjectionLag;
    try {
      projectionLag = await this.readModels.lag();
    } catch {
      throw new ServiceUnavailableException('The read store is not reachable.');
    }
    // Positions are absent before anything is projected; null keeps the fields in the JSON.
    return {
      status: 'ready',
      eventStore: 'up',
      readStore: 'up',
      projectionLag: { ...projectionLag, checkpoint: projectionLag.checkpoint ?? null, head: projectionLag.head ?? null },
    };
  }
}
