import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RecordCommandResult, RosterCommandHandler } from '@switchboard/command-handling';
import { allowedRosterCommands, type RosterCommand } from '@switchboard/knowledge';
import type { Actor } from '@switchboard/ticketing';
import { assertMayRead } from '../auth/read-access';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CLOCK, type Clock } from '../clock/clock';
import { KnownDepartmentPipe } from '../departments/known-department.pipe';
import { commandFieldsOf } from '../knowledge/record-command';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { RosterView } from './phone-coverage-answers.dto';
import { ROSTER_COMMANDS } from './phone-coverage.providers';

/** The roster command of a request: the body's fields (a JSON object), the path's; the roster domain judges them, naming the field. */
const rosterCommand = (type: RosterCommand['type'], department: string, body: unknown, fields: object = {}): RosterCommand =>
  ({ ...commandFieldsOf(body), ...fields, type, department }) as RosterCommand;

/**
 * A department's phone roster: who answers its main line, as weekly slots over City Hall's hours
 * plus dated exceptions. Its head (or the director) keeps it; 311, the director and the
 * department read it. Idempotency-Key and If-Match work as on ticket commands.
 */
@ApiTags('phone coverage')
@Controller('departments/:id/roster')
export class RosterController {
  constructor(
    @Inject(ROSTER_COMMANDS) private readonly rosters: RosterCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The roster as its own stream has it, with its revision and the roster commands the caller may send. */
  @Get()
  @ApiOkResponse({ type: RosterView })
  async roster(@Param('id', KnownDepartmentPipe) department: string, @CurrentActor() actor: Actor): Promise<RosterView> {
    assertMayRead('aPhoneLineIsFor311TheDirectorAndItsDepartment', actor, { department });
    const { state, revision } = await this.rosters.load(department);
    const roster = { ...state, slots: [...state.slots], exceptions: state.exceptions.map((e) => ({ ...e, away: [...e.away], extra: [...e.extra] })) };
    return { department, roster, revision: revision ?? null, allowedActions: allowedRosterCommands(state, department, actor, this.clock.now()) };
  }

  /** Sets the weekly slots, whole: `{ "slots": [{ "weekday": "monday", "from": "08:30", "until": "12:00", "staffId": "sam.dpw" }] }`. */
  @Put()
  @HttpCode(200)
  setWeekly(@Param('id') department: string, @Body() body: unknown, @CommandMetadata() meta: CommandMeta): Promise<RecordCommandResult> {
    return this.rosters.execute(rosterCommand('SetWeeklyRoster', department, body), meta);
  }

  /** Sets how one date differs: `{ "away": ["sam.dpw"], "extra": [{ "from": "10:00", "until": "16:30", "staffId": "hana.dpw" }], "reason": "…" }`. */
  @Put('exceptions/:date')
  @HttpCode(200)
  setException(
    @Param('id') department: string,
    @Param('date') date: string,
    @Body() body: unknown,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<RecordCommandResult> {
    return this.rosters.execute(rosterCommand('SetRosterException', department, body, { date }), meta);
  }

  /** The date follows the weekly roster again. */
  @Delete('exceptions/:date')
  @HttpCode(200)
  clearException(@Param('id') department: string, @Param('date') date: string, @CommandMetadata() meta: CommandMeta): Promise<RecordCommandResult> {
    return this.rosters.execute(rosterCommand('ClearRosterException', department, undefined, { date }), meta);
  }
}
