/**
 * Chart series colours: each keeps at least 3:1 contrast against the white chart background
 * (WCAG 1.4.11, checked by a unit test) and they stay apart for the common colour-vision
 * deficiencies (after Okabe–Ito, darkened where the original is too light).
 */
export const SERIES_COLOURS = ['#0072B2', '#C44E00', '#00785A', '#A8407F', '#8A5A00', '#5B4A9E', '#000000', '#5F6B75'];

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
