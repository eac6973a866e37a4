import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../auth/resident-boundary';
import type { Role } from '@switchboard/ticketing';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { CLOCK, type Clock } from '../clock/clock';

/** GET /me: who the token stands for, and the API's current instant. */
export interface MeView {
  readonly id: string;
  /** The users file's `name` or the JWT's `name` claim; the id when there is none. */
  readonly name: string;
  readonly role: Role;
  /** The department of staff and department heads; null for everyone else. */
  readonly department: string | null;
  /** The API clock's current instant (ISO-8601), e.g. for "as of" pickers and ages. */
  readonly now: string;
}

@ApiTags('session')
@OpenToResidents()
@Controller('me')
export class MeController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** The signed-in caller: any authenticated role. */
  @Get()
  me(@Req() request: AuthenticatedRequest): MeView {
    const { actor } = request;
    return { id: actor.id, name: request.callerName ?? actor.id, role: actor.role, department: actor.department ?? null, now: this.clock.now().toISOString() };
  }
}
