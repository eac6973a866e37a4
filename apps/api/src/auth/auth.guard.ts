import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@switchboard/ticketing';
import type { FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator';
import { IS_PUBLIC } from './public.decorator';
import { assertResidentMay, OPEN_TO_RESIDENTS } from './resident-boundary';

/** `callerName` is set by bearer-token authentication only (not by Open311's api_key). */
export type AuthenticatedRequest = FastifyRequest & { actor: Actor; callerName?: string };

/** Every route needs `Authorization: Bearer <token>` unless it is marked @Public(); resident tokens only reach routes marked @OpenToResidents(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const caller = scheme === 'Bearer' && token ? await this.authenticator.authenticate(token) : undefined;
    if (!caller) throw new UnauthorizedException('Send a valid token as "Authorization: Bearer <token>".');
    assertResidentMay(caller.actor, this.reflector.getAllAndOverride<boolean>(OPEN_TO_RESIDENTS, [context.getHandler(), context.getClass()]) === true);
    request.actor = caller.actor;
    request.callerName = caller.name;
    return true;
  }
}
