import { resolve } from 'node:path';
import { DEFAULT_PHOTO_POLICY } from '@switchboard/attachments';
import { ApiConfigError, loadApiConfig } from '../config/api-config';

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadApiConfig(env);
    return [];
  } catch (error) {
    return (error as ApiConfigError).problems;
  }
};

describe('the attachments configuration', () => {
  it('keeps blobs beside a SQLite log by default, with the default photo policy', () => {
    expect(loadApiConfig({ SWITCHBOARD_EVENT_STORE: 'sqlite:/srv/city/switchboard.db' }).attachments).toEqual({
      store: 'file:/srv/city/attachments',
      s3Region: 'us-east-1',
      policy: DEFAULT_PHOTO_POLICY,
    });
    expect(loadApiConfig({ SWITCHBOARD_EVENT_STORE: 'postgres://u@db/x', SWITCHBOARD_READ_STORE: 'postgres://u@db/x' }).attachments.store).toBe(
      `file:${resolve('data', 'attachments')}`,
    );
  });

  it('takes a directory, an S3 bucket or an S3-compatible endpoint, and the limits and location policies', () => {
    expect(loadApiConfig({ SWITCHBOARD_ATTACHMENTS: 'file:photos' }).attachments.store).toBe(`file:${resolve('photos')}`);
    const s3 = loadApiConfig({
      SWITCHBOARD_ATTACHMENTS: 'http://minio:9000/city-photos/prod',
      SWITCHBOARD_ATTACHMENTS_S3_REGION: 'eu-west-1',
      SWITCHBOARD_PHOTO_MAX_BYTES: '2048',
      SWITCHBOARD_PHOTO_LOCATION_RESIDENTS: 'keep',
      SWITCHBOARD_PHOTO_LOCATION_STAFF: 'strip',
    }).attachments;
    expect(s3).toMatchObject({
      store: 'http://minio:9000/city-photos/prod',
      s3Region: 'eu-west-1',
      policy: { maxBytes: 2048, residentLocation: 'keep', staffLocation: 'strip' },
    });
  });

  it('names every bad setting, never repeating credentials', () => {
    const problems = problemsOf({
      SWITCHBOARD_ATTACHMENTS: 'http://key:secret@minio:9000/photos',
      SWITCHBOARD_PHOTO_MAX_BYTES: '12',
      SWITCHBOARD_PHOTO_LOCATION_RESIDENTS: 'blur',
    });
    expect([...problems].sort()).toEqual([
      expect.stringMatching(/^SWITCHBOARD_ATTACHMENTS: An S3 location must not carry credentials/),
      'SWITCHBOARD_PHOTO_LOCATION_RESIDENTS=blur must be one of keep, strip',
      'SWITCHBOARD_PHOTO_MAX_BYTES=12 must be an integer from 1024 to 104857600',
    ]);
    expect(problems.join(' ')).not.toContain('secret');
  });
});
