import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { SERIES_COLOURS } from '../lib/colours';
import { TableRegion } from './table-region';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/**
 * A Chart.js chart in a <figure>: the canvas is an image to assistive technology with a summary
 * as its label; the same numbers are in the table next to it.
 */
export function ChartFigure({
  kind,
  title,
  summary,
  labels,
  series,
  unit,
  max,
  testId,
}: {
  kind: 'bar' | 'line';
  title: string;
  summary: string;
  labels: readonly string[];
  series: readonly Series[];
  unit: '%' | 'h' | '';
  max?: number;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
      type: kind,
      data: {
        labels: [...labels],
        datasets: series.map((s, index) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: SERIES_COLOURS[index % SERIES_COLOURS.length],
          borderColor: SERIES_COLOURS[index % SERIES_COLOURS.length],
          borderWidth: kind === 'line' ? 2 : 0,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: series.length > 1, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label}: ${item.parsed.y === null ? '—' : `${Math.round(item.parsed.y * 10) / 10}${unit === '' ? '' : ` ${unit}`}`}`,
            },
          },
        },
        scales: {
          y: { beginAtZero: true, ...(max !== undefined ? { max } : {}), ticks: { callback: (value) => `${value}${unit === '' ? '' : ` ${unit}`}` } },
          x: { ticks: { autoSkip: true, maxRotation: 45 } },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [kind, labels, series, unit, max]);
  const format = (value: number | null) => (value === null ? '—' : `${Math.round(value * 10) / 10}${unit === '' ? '' : ` ${unit}`}`);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
      </div>
      {/* The chart's numbers as text, for screen readers and for reading exact values. */}
      <details className="chart-numbers">
        <summary>Numbers</summary>
        <TableRegion label={`${title}: numbers`}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <td />
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, row) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.label} className="numeric">
                      {format(s.values[row])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}
