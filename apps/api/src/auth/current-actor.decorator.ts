import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@switchboard/ticketing';
import type { AuthenticatedRequest } from './auth.guard';

/** The authenticated actor of the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor);
