import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Liveness: the process answers. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the event store answers a read. Read store and projection lag arrive with the projector. */
  @Get('ready')
  async ready(): Promise<Record<string, unknown>> {
    try {
      for await (const _event of this.store.readAll({ direction: 'backwards', maxCount: 1 })) break;
    } catch {
      throw new ServiceUnavailableException('The event store is not reachable.');
    }
    return { status: 'ready', eventStore: 'up', readStore: 'not configured', projectionLag: 'not configured' };
  }
}
