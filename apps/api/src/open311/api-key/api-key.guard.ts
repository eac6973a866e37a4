import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { Open311Error } from '../errors/open311-error';
import { ApiKeyActors } from './api-key-actors';

/** POST requests need the form field `api_key` of a resident user; the actor it maps to sends the command. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly actors: ApiKeyActors) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = (request.body as Record<string, unknown> | undefined)?.api_key;
    if (typeof apiKey !== 'string' || apiKey === '') throw new Open311Error(403, 'api_key is missing: send the api_key you were issued as a form field.');
    const actor = this.actors.actorFor(apiKey);
    if (!actor) throw new Open311Error(403, 'Invalid api_key received; request a key from the city.');
    request.actor = actor;
    return true;
  }
}
