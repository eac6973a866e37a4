import { contrastRatio, SERIES_COLOURS } from '../../src/lib/colours';

describe('chart colours', () => {
  it('each keep 3:1 against the white chart background (WCAG 1.4.11) and are all different', () => {
    for (const colour of SERIES_COLOURS) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(new Set(SERIES_COLOURS).size).toBe(SERIES_COLOURS.length);
    expect(contrastRatio('#56B4E9', '#ffffff')).toBeLessThan(3); // the light blue this palette replaced
  });
});
