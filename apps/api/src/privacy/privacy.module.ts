import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { EraseResidentDataController } from './erase-resident-data.controller';
import { ResidentDataReadsController } from './resident-data-reads.controller';
import { ResidentRetentionService } from './resident-retention.service';

/** Erasure of residents' personal data (on the director's request, and when a service's retention period runs out) and the record of who read it. Import it after ReadModelsModule: it must stop first. */
@Module({ imports: [ContactsModule], controllers: [EraseResidentDataController, ResidentDataReadsController], providers: [ResidentRetentionService] })
export class PrivacyModule {}
