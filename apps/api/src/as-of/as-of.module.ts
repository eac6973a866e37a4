import { Module } from '@nestjs/common';
import { AsOfReplays } from './as-of-replays';

/** Replays of the event log up to a past moment, shared by the "as of" queries. */
@Module({ providers: [AsOfReplays], exports: [AsOfReplays] })
export class AsOfModule {}
