// Photos and attachments on tickets: content checks by content, size limits, EXIF policy,
// thumbnails, and the blob stores (file system in the embedded default, S3-compatible in production).
export {};
