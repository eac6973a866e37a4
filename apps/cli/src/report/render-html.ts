import type { CompletionFigures } from '@switchboard/read-models';
import { displayFigure, FIGURE_COLUMNS } from './report-figures';
import type { ReportParameters } from './report-parameters';
import { type ChartSeries, escapeHtml, seriesColour, svgBarChart } from './svg-bar-chart';

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}th{background:#f3f3f3}td.text{text-align:left}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
.meta{color:#555;font-size:.9rem}`;

/** One series per group of one figure, across the periods. */
function seriesOf(
  figures: readonly CompletionFigures[],
  groups: readonly string[],
  periods: readonly string[],
  value: (f: CompletionFigures) => number,
): ChartSeries[] {
  return groups.map((group) => ({
    name: group,
    values: periods.map((period) => {
      const found = figures.find((f) => f.group === group && f.period === period);
      return found ? value(found) : 0;
    }),
  }));
}

/** A self-contained HTML page (inline CSS and SVG charts, no scripts or external assets) a director can email. */
export function renderHtml(figures: readonly CompletionFigures[], parameters: ReportParameters): string {
  const groups = [...new Set(figures.map((f) => f.group))];
  const periods = [...new Set(figures.map((f) => f.period))].sort();
  const legend = `<p class="legend">${groups.map((g, i) => `<span><i style="background:${seriesColour(i)}"></i>${escapeHtml(g)}</span>`).join('')}</p>`;
  const head = FIGURE_COLUMNS.map((column) => `<th>${escapeHtml(column.heading)}</th>`).join('');
  const rows = figures
    .map((f) => `<tr>${FIGURE_COLUMNS.map((c) => `<td${c.kind === 'text' ? ' class="text"' : ''}>${escapeHtml(displayFigure(c, f))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Completion report ${escapeHtml(parameters.title)}</title><style>${STYLE}</style></head>
<body>
<h1>Completion report, ${escapeHtml(parameters.title)}</h1>
<p class="meta">${escapeHtml(parameters.description)}</p>
<h2>Completed per ${escapeHtml(parameters.period)}</h2>
${legend}
${svgBarChart(
  'Completed tickets',
  periods,
  seriesOf(figures, groups, periods, (f) => f.completed),
)}
<h2>Backlog at the end of each ${escapeHtml(parameters.period)}</h2>
${legend}
${svgBarChart(
  'Open tickets at period end',
  periods,
  seriesOf(figures, groups, periods, (f) => f.backlogAtPeriodEnd),
)}
<h2>Figures</h2>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>
<p class="meta">Rates are shares of the tickets resolved in the period; durations are hours from opening (bh: business hours). Definitions: docs/metrics.md.</p>
</body></html>
`;
}
