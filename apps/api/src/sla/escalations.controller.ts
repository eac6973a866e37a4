import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { escalationsAmong, InvalidQueryParameterError, occurredByTime, type ReadModels, type TicketSummary } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { loadTicket, type TicketEventRecord } from '@switchboard/ticket-service';
import { type AnswerSource, pastInstant } from '../as-of/as-of';
import { AsOfReplays } from '../as-of/as-of-replays';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { DepartmentNotFound, QueryForbidden } from '../errors/api-exceptions';
import { READ_MODELS } from '../read-models/read-models.module';
import { type EscalationView, escalationViewOf } from './escalation-view';
import { EscalationsQueryDto } from './escalations-query.dto';

/** A page of GET /escalations. */
export interface EscalationsPage {
  readonly tickets: EscalationView[];
  /** Pass as `cursor` for the next page; null on the last (always null with asOf). */
  readonly nextCursor: string | null;
  /** The instant overdue and at-risk were judged at: the asOf asked for, else the API clock's now. */
  readonly asOf: string;
  /** `read-models` (the projected tickets, now) or `replay` (the event log replayed up to asOf). */
  readonly source: AnswerSource;
}

@ApiTags('queries')
@Controller('escalations')
export class EscalationsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly replays: AsOfReplays,
  ) {}

  /**
   * Open escalated, late and at-risk tickets, late the longest first: all departments for the
   * director, their own for a department head. With asOf, the list as it was then (one page).
   */
  @Get()
  async escalations(@Query() query: EscalationsQueryDto, @CurrentActor() actor: Actor): Promise<EscalationsPage> {
    if (query.department !== undefined && !this.catalog.department(query.department)) throw new DepartmentNotFound(query.department);
    const department = departmentVisibleTo(actor, query.department);
    const now = this.clock.now();
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    if (query.asOf === undefined) {
      const page = await this.readModels.escalations({ now, department, limit, cursor: query.cursor });
      return { tickets: await this.views(page.tickets), nextCursor: page.nextCursor, asOf: now.toISOString(), source: 'read-models' };
    }
    const asOf = pastInstant(query.asOf, now);
    if (query.cursor !== undefined) throw new InvalidQueryParameterError('cursor', 'cannot be combined with asOf: a list as of a past moment is one page (raise limit, up to 200).');
    const summaries = escalationsAmong((await this.replays.ticketsAsOf(asOf)).open, this.catalog, { now: asOf, department, limit });
    return { tickets: await this.views(summaries, asOf), nextCursor: null, asOf: asOf.toISOString(), source: 'replay' };
  }

  /** Completes each listed ticket with what only its history knows (as of `asOf`: the events that had occurred by then). */
  private views(summaries: readonly TicketSummary[], asOf?: Date): Promise<EscalationView[]> {
    const known = (records: readonly TicketEventRecord[]) => (asOf === undefined ? records : records.filter((record) => occurredByTime(record.stored, asOf)));
    // A page is at most 200 tickets, each a short stream: reason and breach time come from the history itself.
    return Promise.all(summaries.map(async (summary) => escalationViewOf(summary, known((await loadTicket(this.store, summary.ticketId)).records))));
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
