import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { EraseResidentDataController } from './erase-resident-data.controller';
import { ResidentRetentionService } from './resident-retention.service';

/** Erasure of residents' personal data: on the director's request, and when a service's retention period runs out. Import it after ReadModelsModule: it must stop first. */
@Module({ imports: [ContactsModule], controllers: [EraseResidentDataController], providers: [ResidentRetentionService] })
export class PrivacyModule {}
