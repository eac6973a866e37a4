import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';

/** Authentication for every route: bearer tokens from the users file or JWTs from the identity provider. */
@Module({ providers: [Authenticator, { provide: APP_GUARD, useClass: AuthGuard }] })
export class AuthModule {}
