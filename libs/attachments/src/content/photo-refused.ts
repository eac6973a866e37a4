/** Why an upload was not taken; each maps to one HTTP status in the API. */
export type PhotoRefusalReason =
  /** Larger than the configured limit, in bytes or in pixels. */
  | 'too_large'
  /** Not a photo by its content (another kind of file, or an image the library cannot decode). */
  | 'not_an_image';

/** An upload refused before anything was stored. */
export class PhotoRefused extends Error {
  constructor(
    readonly reason: PhotoRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'PhotoRefused';
  }
}
