import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { loadTicket } from '@switchboard/ticket-service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CLOCK, type Clock } from '../clock/clock';
import { QueryForbidden } from '../errors/api-exceptions';
import { READ_MODELS } from '../read-models/read-models.module';
import { type EscalationView, escalationViewOf } from './escalation-view';
import { EscalationsQueryDto } from './escalations-query.dto';

/** A page of GET /escalations. */
export interface EscalationsPage {
  readonly tickets: EscalationView[];
  /** Pass as `cursor` for the next page; null on the last. */
  readonly nextCursor: string | null;
}

@ApiTags('queries')
@Controller('escalations')
export class EscalationsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Open escalated, late and at-risk tickets, late the longest first: all departments for the director, their own for a department head. */
  @Get()
  async escalations(@Query() query: EscalationsQueryDto, @CurrentActor() actor: Actor): Promise<EscalationsPage> {
    const department = departmentVisibleTo(actor, query.department);
    const page = await this.readModels.escalations({ now: this.clock.now(), department, limit: query.limit, cursor: query.cursor });
    // A page is at most 200 tickets, each a short stream: reason and breach time come from the history itself.
    const tickets = await Promise.all(page.tickets.map(async (summary) => escalationViewOf(summary, (await loadTicket(this.store, summary.ticketId)).records)));
    return { tickets, nextCursor: page.nextCursor };
  }
}

/** The director sees every department (or the one asked for); a department head only their own. */
function departmentVisibleTo(actor: Actor, asked: string | undefined): string | undefined {
  if (actor.role === 'director') return asked;
  if (actor.role === 'department_head' && (asked === undefined || asked === actor.department)) return actor.department;
  const rule = 'EscalationsAreForTheDirectorAndDepartmentHeads';
  const whoMay = [{ role: 'director' }, { role: 'department_head', department: actor.role === 'department_head' ? actor.department : undefined }];
  throw new QueryForbidden(
    rule,
    whoMay,
    actor.role === 'department_head'
      ? `A department head sees the escalations of ${actor.department} only; leave out "department" or ask for ${actor.department}.`
      : 'Escalations are for the director and department heads (their own department).',
  );
}
