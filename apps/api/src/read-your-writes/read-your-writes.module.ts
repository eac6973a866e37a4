import { Module } from '@nestjs/common';
import { ReadYourWrites } from './read-your-writes';

/** The read-your-writes wait shared by every read-model query. */
@Module({ providers: [ReadYourWrites], exports: [ReadYourWrites] })
export class ReadYourWritesModule {}
