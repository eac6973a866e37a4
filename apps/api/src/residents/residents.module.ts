import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { ResidentLookups } from './resident-lookups';
import { ResidentsController } from './residents.controller';

/** The resident look-up (by phone or e-mail) and its record, which the director audits. */
@Module({ imports: [ReadYourWritesModule], controllers: [ResidentsController], providers: [ResidentLookups], exports: [ResidentLookups] })
export class ResidentsModule {}
