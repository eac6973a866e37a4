import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { ContactCommandsController } from './contact-commands.controller';
import { ContactMetricsController } from './contact-metrics.controller';
import { ContactReadingController } from './contact-reading.controller';
import { contactCommandsProvider } from './contacts.providers';

/** Contacts: their commands, and the contact figures of the director's view. */
@Module({
  imports: [ReadYourWritesModule],
  controllers: [ContactCommandsController, ContactReadingController, ContactMetricsController],
  providers: [contactCommandsProvider],
  exports: [contactCommandsProvider],
})
export class ContactsModule {}
