import exifReader from 'exif-reader';
import type { PhotoLocation } from '@switchboard/ticketing';

type Dms = readonly number[] | number | undefined;

/** Degrees from EXIF's degrees, minutes and seconds (or a single decimal value). */
const degreesOf = (dms: Dms): number | undefined => {
  if (typeof dms === 'number') return Number.isFinite(dms) ? dms : undefined;
  if (!Array.isArray(dms) || dms.length === 0 || !dms.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const [d, m = 0, s = 0] = dms;
  return d + m / 60 + s / 3600;
};

const rounded = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Where the photo was taken, from the GPS block of its EXIF (as the image library hands it over),
 * or undefined when it has none or one that is not a place on Earth. Unreadable EXIF is no location,
 * never a refusal: the image itself is what was sent.
 */
export function locationFromExif(exif: Buffer | undefined): PhotoLocation | undefined {
  if (!exif) return undefined;
  let gps;
  try {
    gps = exifReader(exif).GPSInfo;
  } catch {
    return undefined;
  }
  const latitude = degreesOf(gps?.GPSLatitude as Dms);
  const longitude = degreesOf(gps?.GPSLongitude as Dms);
  if (latitude === undefined || longitude === undefined) return undefined;
  const lat = gps?.GPSLatitudeRef === 'S' ? -latitude : latitude;
  const long = gps?.GPSLongitudeRef === 'W' ? -longitude : longitude;
  if (Math.abs(lat) > 90 || Math.abs(long) > 180) return undefined;
  return { latitude: rounded(lat), longitude: rounded(long) };
}
