import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@switchboard/ticketing';
import { hashToken, loadUsersFile } from '../../auth/users-file';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/config.module';

/**
 * Open311 api_keys are the tokens of the users file's `resident` users (one per app or portal
 * that submits for residents). Staff tokens are refused: they are bearer credentials of the
 * internal API and must not travel in form bodies that third-party apps build.
 */
@Injectable()
export class ApiKeyActors {
  private readonly residentsByKeyHash: ReadonlyMap<string, Actor>;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const residents = loadUsersFile(config.usersPath).filter((user) => user.role === 'resident');
    this.residentsByKeyHash = new Map(residents.map((user) => [user.tokenSha256, { id: user.id, role: user.role }]));
  }

  /** The resident actor an api_key stands for, or undefined. */
  actorFor(apiKey: string): Actor | undefined {
    return this.residentsByKeyHash.get(hashToken(apiKey));
  }
}
