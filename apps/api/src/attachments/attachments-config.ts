import { dirname, resolve } from 'node:path';
import { DEFAULT_PHOTO_POLICY, LOCATION_POLICIES, type LocationPolicy, parseS3Location, type PhotoPolicy } from '@switchboard/attachments';

/** Where photos' bytes are kept and what uploads may be (docs/operations.md, "Photos and attachments"). */
export interface AttachmentsConfig {
  /** `file:<absolute directory>`, or an S3 location (`s3://bucket/prefix`, `http(s)://endpoint/bucket/prefix`). */
  readonly store: string;
  /** SWITCHBOARD_ATTACHMENTS_S3_REGION (default us-east-1). */
  readonly s3Region: string;
  readonly policy: PhotoPolicy;
}

/**
 * SWITCHBOARD_ATTACHMENTS and the photo limits and policies. The embedded default keeps blobs in
 * an `attachments` directory beside a SQLite log (in the data directory); any other log keeps them
 * in ./data/attachments unless a store is named (production: an S3 bucket every instance shares).
 */
export function attachmentsConfigOf(
  env: NodeJS.ProcessEnv,
  eventStoreUrl: string,
  problems: string[],
  /** The configuration's reader of integer variables (it records a bad value in `problems`). */
  integer: (name: string, fallback: number, min: number, max: number) => number,
): AttachmentsConfig {
  const location = (name: string, fallback: LocationPolicy): LocationPolicy => {
    const raw = env[name] || fallback;
    if (!(LOCATION_POLICIES as readonly string[]).includes(raw)) problems.push(`${name}=${raw} must be one of ${LOCATION_POLICIES.join(', ')}`);
    return raw as LocationPolicy;
  };
  const s3Region = env.SWITCHBOARD_ATTACHMENTS_S3_REGION || 'us-east-1';
  const given = env.SWITCHBOARD_ATTACHMENTS;
  let store = `file:${defaultDirectory(eventStoreUrl)}`;
  if (given?.startsWith('file:')) store = `file:${resolve(given.slice('file:'.length))}`;
  else if (given) {
    try {
      parseS3Location(given, s3Region);
      store = given;
    } catch (error) {
      // The value is not repeated: it may hold credentials.
      problems.push(`SWITCHBOARD_ATTACHMENTS: ${(error as Error).message} (Or file:<directory>.)`);
    }
  }
  return {
    store,
    s3Region,
    policy: {
      maxBytes: integer('SWITCHBOARD_PHOTO_MAX_BYTES', DEFAULT_PHOTO_POLICY.maxBytes, 1024, 100 * 1024 * 1024),
      maxPixels: integer('SWITCHBOARD_PHOTO_MAX_PIXELS', DEFAULT_PHOTO_POLICY.maxPixels, 10_000, 268_000_000),
      residentLocation: location('SWITCHBOARD_PHOTO_LOCATION_RESIDENTS', DEFAULT_PHOTO_POLICY.residentLocation),
      staffLocation: location('SWITCHBOARD_PHOTO_LOCATION_STAFF', DEFAULT_PHOTO_POLICY.staffLocation),
      thumbnailSize: DEFAULT_PHOTO_POLICY.thumbnailSize,
    },
  };
}

function defaultDirectory(eventStoreUrl: string): string {
  const file = /^sqlite:(?!:memory:)(.+)$/.exec(eventStoreUrl)?.[1];
  return file ? resolve(dirname(file), 'attachments') : resolve('data', 'attachments');
}
