import { addressKey, boundingBox, distanceMeters } from './ticket-place';
import { normalizedEmail, normalizedPhone, residentEmailKey, residentPhoneKey } from './resident-keys';

describe('what possible duplicates are compared by', () => {
  it('an address: case, spaces, punctuation and street words folded, nothing more', () => {
    expect(addressKey('12  Main Street.')).toBe('12 main st');
    expect(addressKey('12 main st')).toBe('12 main st');
    expect(addressKey('40 North Avenue, #3')).toBe('40 n ave 3');
    expect(addressKey('12 Main St, Apt 3')).not.toBe(addressKey('12 Main St'));
    expect(addressKey('  ')).toBeNull();
    expect(addressKey(undefined)).toBeNull();
  });

  it('a distance: the great-circle distance, and a box that holds every point within it', () => {
    expect(distanceMeters(42.77, -71.08, 42.77 + 20 / 111_195, -71.08)).toBeCloseTo(20, 1);
    expect(distanceMeters(42.77, -71.08, 42.77, -71.08)).toBe(0);
    const box = boundingBox(42.77, -71.08, 50);
    // 50 m east is inside the box's longitudes; the box is no narrower than the circle.
    const east = -71.08 + 50 / (111_195 * Math.cos((42.77 * Math.PI) / 180));
    expect(east).toBeLessThanOrEqual(box.maxLongitude);
    expect(box.maxLatitude - 42.77).toBeCloseTo(50 / 111_195, 6);
  });

  it('a phone number: digits only, without an extension or the North American country code', () => {
    expect(normalizedPhone('(978) 555-0142')).toBe('9785550142');
    expect(normalizedPhone('+1 978.555.0142 ext. 12')).toBe('9785550142');
    expect(normalizedPhone('978 555 0142 x7')).toBe('9785550142');
    expect(normalizedPhone('--')).toBeUndefined();
    expect(residentPhoneKey('(978) 555-0142')).toBe(residentPhoneKey('978-555-0142'));
    expect(residentPhoneKey('(978) 555-0142')).not.toContain('9785550142');
  });

  it('an e-mail address: trimmed and lower-cased; phone and e-mail digests never meet', () => {
    expect(normalizedEmail(' Ann@Example.ORG ')).toBe('ann@example.org');
    expect(residentEmailKey('Ann@Example.org')).toBe(residentEmailKey('ann@example.org'));
    expect(residentEmailKey('5550142')).not.toBe(residentPhoneKey('5550142'));
    expect(residentEmailKey(undefined)).toBeNull();
  });
});
