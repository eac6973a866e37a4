import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import type { Caller } from './caller';
import { JwtVerifier, looksLikeJwt } from './jwt-verifier';
import { hashToken, loadUsersFile } from './users-file';

/** Turns a bearer token into a caller: JWTs when a key set is configured, else the users file's hashed tokens. */
@Injectable()
export class Authenticator {
  private readonly callersByTokenHash: ReadonlyMap<string, Caller>;
  private readonly jwt?: JwtVerifier;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const users = loadUsersFile(config.usersPath);
    this.callersByTokenHash = new Map(
      users.map((user) => [
        user.tokenSha256,
        { actor: { id: user.id, role: user.role, ...(user.department ? { department: user.department } : {}) }, name: user.name || user.id },
      ]),
    );
    this.jwt = config.jwt ? new JwtVerifier(config.jwt) : undefined;
  }

  /** The caller a token stands for, or undefined when it stands for nobody. */
  async authenticate(token: string): Promise<Caller | undefined> {
    if (this.jwt && looksLikeJwt(token)) return this.jwt.verify(token);
    return this.callersByTokenHash.get(hashToken(token));
  }
}
