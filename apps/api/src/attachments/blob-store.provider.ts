import { Inject, Injectable, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { type BlobStore, FileBlobStore, parseS3Location, S3BlobStore } from '@switchboard/attachments';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';

export const BLOB_STORE = 'switchboard:BlobStore';

/** The configured blob store: a directory (the embedded default) or an S3-compatible bucket. */
export const blobStoreProvider: Provider = {
  provide: BLOB_STORE,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): BlobStore => {
    const { store, s3Region } = config.attachments;
    return store.startsWith('file:') ? new FileBlobStore(store.slice('file:'.length)) : new S3BlobStore(parseS3Location(store, s3Region));
  },
};

/** Closes the blob store's connections when the app shuts down. */
@Injectable()
export class BlobStoreCloser implements OnModuleDestroy {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  onModuleDestroy(): Promise<void> {
    return this.blobs.close();
  }
}
