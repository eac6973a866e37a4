import { Module } from '@nestjs/common';
import { ContactsModule } from '../../contacts/contacts.module';
import { ReadYourWritesModule } from '../../read-your-writes/read-your-writes.module';
import { ResidentsModule } from '../../residents/residents.module';
import { TicketsModule } from '../tickets.module';
import { PossibleDuplicatesController } from './possible-duplicates.controller';
import { RecordAnotherReportController } from './record-another-report.controller';

/** Possible duplicates before a ticket is opened, and "same problem": another report linked to an open ticket. */
@Module({
  imports: [TicketsModule, ContactsModule, ResidentsModule, ReadYourWritesModule],
  controllers: [PossibleDuplicatesController, RecordAnotherReportController],
})
export class DuplicatesModule {}
