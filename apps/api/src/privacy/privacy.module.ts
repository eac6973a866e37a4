import { Module } from '@nestjs/common';
import { EraseResidentDataController } from './erase-resident-data.controller';

/** Erasure of residents' personal data on the director's request. */
@Module({ controllers: [EraseResidentDataController] })
export class PrivacyModule {}
