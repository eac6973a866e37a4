import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { BLOB_STORE, blobStoreProvider, BlobStoreCloser } from './blob-store.provider';
import { PhotoIntake } from './photo-intake';
import { PhotosController } from './photos.controller';

/** Photos on tickets (docs/attachments.md): uploads, the blob store, serving to those who may see the ticket. Open311 uses the intake and the store too. */
@Module({
  imports: [TicketsModule],
  controllers: [PhotosController],
  providers: [blobStoreProvider, BlobStoreCloser, PhotoIntake],
  exports: [BLOB_STORE, PhotoIntake],
})
export class AttachmentsModule {}
