/** What happens to the location a photo's EXIF records: kept with the photo (for staff only) or dropped. */
export const LOCATION_POLICIES = ['keep', 'strip'] as const;
export type LocationPolicy = (typeof LOCATION_POLICIES)[number];

/** Limits and policies for uploads; the API reads them from its configuration. */
export interface PhotoPolicy {
  /** Largest upload taken, in bytes (checked while it streams in). */
  readonly maxBytes: number;
  /** Largest image taken, in pixels (width × height), so a small file that decodes huge is refused before it is decoded. */
  readonly maxPixels: number;
  /** Residents' uploads (Open311): stripped by default, for their privacy — a photo taken at home says where they live. */
  readonly residentLocation: LocationPolicy;
  /** Staff's uploads: kept by default, as evidence of where the work was done. */
  readonly staffLocation: LocationPolicy;
  /** Longest side of a thumbnail, in pixels. */
  readonly thumbnailSize: number;
}

export const DEFAULT_PHOTO_POLICY: PhotoPolicy = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 50_000_000,
  residentLocation: 'strip',
  staffLocation: 'keep',
  thumbnailSize: 320,
};
