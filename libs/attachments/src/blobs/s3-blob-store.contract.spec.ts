import { randomUUID } from 'node:crypto';
import { describeBlobStoreContract } from '../testing/blob-store-contract';
import { parseS3Location, S3BlobStore } from './s3-blob-store';

const url = process.env.SWITCHBOARD_TEST_S3_URL;

if (url) {
  // Each run writes under a prefix of its own, so runs never see each other's blobs.
  describeBlobStoreContract(`S3-compatible (${url})`, async () => {
    const base = parseS3Location(url, process.env.SWITCHBOARD_TEST_S3_REGION);
    const where = { ...base, prefix: [base.prefix, `contract-${randomUUID()}`].filter(Boolean).join('/') };
    return { store: new S3BlobStore(where), reopen: async () => new S3BlobStore(where) };
  });
} else {
  describe('BlobStore contract: S3-compatible — SKIPPED: set SWITCHBOARD_TEST_S3_URL to run against a real S3-compatible store', () => {
    it('was skipped because SWITCHBOARD_TEST_S3_URL is not set', () => {
      console.warn(
        'S3 blob store contract suite SKIPPED: set SWITCHBOARD_TEST_S3_URL (e.g. http://127.0.0.1:9000/switchboard-test for MinIO, with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) to run it.',
      );
    });
  });
}

describe('parseS3Location', () => {
  it('reads AWS addresses and S3-compatible endpoints (path-style), with a prefix', () => {
    expect(parseS3Location('s3://city-photos/switchboard/prod')).toEqual({ bucket: 'city-photos', prefix: 'switchboard/prod', region: 'us-east-1' });
    expect(parseS3Location('http://127.0.0.1:9000/photos', 'eu-west-1')).toEqual({
      bucket: 'photos',
      prefix: '',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
    });
  });

  it('refuses credentials in the address and addresses without a bucket', () => {
    expect(() => parseS3Location('http://key:secret@minio:9000/photos')).toThrow(/must not carry credentials/);
    expect(() => parseS3Location('http://minio:9000/')).toThrow(/s3:\/\/bucket/);
    expect(() => parseS3Location('photos')).toThrow(/s3:\/\/bucket/);
  });
});
