/** A series of a grouped bar chart: its name and one value per category. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const WIDTH = 860;
const HEIGHT = 260;
const MARGIN = { top: 20, right: 10, bottom: 40, left: 44 };

/** Escapes text for HTML and SVG. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The colour of the i-th series, shared by charts and legends. */
export const seriesColour = (index: number): string => PALETTE[index % PALETTE.length];

/** A grouped bar chart as inline SVG (no script, no external assets), with a value axis and category labels. */
export function svgBarChart(title: string, categories: readonly string[], series: readonly ChartSeries[]): string {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, categories.length);
  const bar = Math.max(1, (slot * 0.8) / Math.max(1, series.length));
  const y = (value: number): number => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">`,
    ...[...new Set(ticks)].map(
      (tick) =>
        `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>` +
        `<text x="${MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="11">${tick}</text>`,
    ),
    ...categories.map((category, c) => {
      const x0 = MARGIN.left + c * slot + slot * 0.1;
      const bars = series.map((s, i) => {
        const value = s.values[c] ?? 0;
        const label = `${escapeHtml(s.name)}, ${escapeHtml(category)}: ${value}`;
        return `<rect x="${(x0 + i * bar).toFixed(1)}" y="${y(value).toFixed(1)}" width="${bar.toFixed(1)}" height="${(y(0) - y(value)).toFixed(1)}" fill="${seriesColour(i)}"><title>${label}</title></rect>`;
      });
      const label = `<text x="${(MARGIN.left + c * slot + slot / 2).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(category)}</text>`;
      return bars.join('') + label;
    }),
    '</svg>',
  ];
  return parts.join('\n');
}
