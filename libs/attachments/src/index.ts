// Photos and attachments on tickets: content type checked by content, size limits, EXIF policy,
// thumbnails, and the blob stores (file system in the embedded default, S3-compatible in production).
export * from './content/sniff-content-type';
export * from './content/photo-refused';
export * from './content/read-limited';
export * from './content/photo-policy';
export * from './content/photo-location';
export * from './content/process-photo';
export * from './blobs/blob-store';
export * from './blobs/file-blob-store';
export * from './blobs/s3-blob-store';
