import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Actor, type Role } from '@switchboard/ticketing';
import type { JwtConfig } from '../config/api-config';
import type { Caller } from './caller';

/** Verifies the identity provider's JWTs and reads the actor from the `sub`, `role` and `department` claims (and its name from `name`). */
export class JwtVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly config: JwtConfig) {
    this.keys = /^https?:\/\//.test(config.jwks) ? createRemoteJWKSet(new URL(config.jwks)) : createLocalJWKSet(JSON.parse(readFileSync(config.jwks, 'utf8')));
  }

  /** The token's caller, or undefined when the token is not valid (signature, expiry, issuer, audience or claims). */
  async verify(token: string): Promise<Caller | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.config.issuer, audience: this.config.audience });
      const role = payload.role as Role;
      if (typeof payload.sub !== 'string' || !ROLES.includes(role)) return undefined;
      const department = typeof payload.department === 'string' ? payload.department : undefined;
      const actor: Actor = { id: payload.sub, role, ...(department ? { department } : {}) };
      return { actor, name: typeof payload.name === 'string' && payload.name !== '' ? payload.name : payload.sub };
    } catch {
      return undefined;
    }
  }
}

/** Compact JWS: three base64url parts. Anything else is looked up as an embedded token. */
export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
