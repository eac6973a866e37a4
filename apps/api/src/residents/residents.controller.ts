import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidQueryParameterError, type ReadModels } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertMayRead } from '../auth/read-access';
import { CLOCK, type Clock } from '../clock/clock';
import { READ_MODELS } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { ResidentHistoryDto, ResidentLookupRequestDto, ResidentLookupsDto, ResidentLookupsQueryDto } from './resident-lookup.dto';
import { ResidentLookups } from './resident-lookups';

const DAY_MS = 86_400_000;
const MAX_DAYS = 31;

/** The UTC dates from `from` to `to`, inclusive, naming the parameter at fault. */
function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(start) || new Date(start).toISOString().slice(0, 10) !== from) throw new InvalidQueryParameterError('from', `is not a date: ${from}.`);
  if (!Number.isFinite(end) || new Date(end).toISOString().slice(0, 10) !== to) throw new InvalidQueryParameterError('to', `is not a date: ${to}.`);
  if (end < start) throw new InvalidQueryParameterError('from', `must not be after "to" (${from} is after ${to}).`);
  if ((end - start) / DAY_MS >= MAX_DAYS) throw new InvalidQueryParameterError('to', `must be at most ${MAX_DAYS} days from "from".`);
  const days: string[] = [];
  for (let at = start; at <= end; at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

@ApiTags('residents')
@Controller('residents')
export class ResidentsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly lookups: ResidentLookups,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * Looks a resident up by phone or e-mail: their previous contacts and the tickets they reported,
   * for 311 and the director. A POST, because every look-up is recorded (who looked up whom, when)
   * before it is answered; GET /residents/lookups lists the record.
   */
  @Post('lookups')
  @HttpCode(200)
  @ApiOkResponse({ type: ResidentHistoryDto })
  async lookUp(@Body() body: ResidentLookupRequestDto, @CurrentActor() actor: Actor): Promise<ResidentHistoryDto> {
    assertMayRead('aResidentIsLookedUpBy311AndTheDirector', actor, {});
    await this.readYourWrites.reach(body.position);
    const history = await this.readModels.residentHistory({ phone: body.phone, email: body.email });
    const lookup = await this.lookups.record(
      actor,
      { purpose: 'lookup', phone: body.phone, email: body.email, contactId: body.contactId },
      { contacts: history.contacts.map((contact) => contact.contactId), tickets: history.tickets.map((ticket) => ticket.ticketId) },
    );
    return { ...history, lookup };
  }

  /** The recorded look-ups of the days asked for (UTC dates, inclusive, at most 31; today by default), oldest first, optionally of one resident's phone or e-mail: the director's audit. */
  @Get('lookups')
  @ApiOkResponse({ type: ResidentLookupsDto })
  async recorded(@Query() query: ResidentLookupsQueryDto, @CurrentActor() actor: Actor): Promise<ResidentLookupsDto> {
    assertMayRead('residentLookUpsAreAuditedByTheDirector', actor, {});
    const today = this.clock.now().toISOString().slice(0, 10);
    const from = query.from ?? query.to ?? today;
    return { lookups: await this.lookups.recorded(daysBetween(from, query.to ?? (query.from ? from : today)), { phone: query.phone, email: query.email }) };
  }
}
