import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@switchboard/ticketing';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { JwtVerifier, looksLikeJwt } from './jwt-verifier';
import { hashToken, loadUsersFile } from './users-file';

/** Turns a bearer token into an actor: JWTs when a key set is configured, else the users file's hashed tokens. */
@Injectable()
export class Authenticator {
  private readonly actorsByTokenHash: ReadonlyMap<string, Actor>;
  private readonly jwt?: JwtVerifier;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const users = loadUsersFile(config.usersPath);
    this.actorsByTokenHash = new Map(
      users.map((user) => [user.tokenSha256, { id: user.id, role: user.role, ...(user.department ? { department: user.department } : {}) }]),
    );
    this.jwt = config.jwt ? new JwtVerifier(config.jwt) : undefined;
  }

  /** The actor a token stands for, or undefined when it stands for nobody. */
  async authenticate(token: string): Promise<Actor | undefined> {
    if (this.jwt && looksLikeJwt(token)) return this.jwt.verify(token);
    return this.actorsByTokenHash.get(hashToken(token));
  }
}
