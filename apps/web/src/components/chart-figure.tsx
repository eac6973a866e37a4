import {
  BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours that keep 3:1 against white and stay apart for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#996100', '#56B4E9', '#000000', '#7A5C00'];

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/**
 * A Chart.js chart in a <figure>: the canvas is an image to assistive technology with a summary
 * as its label; the same numbers are in the table next to it.
 */
export function ChartFigure({ kind, title, summary, labels, series, unit, max, testId }: {
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
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.parsed.y === null ? '—' : `${Math.round(item.parsed.y * 10) / 10}${unit === '' ? '' : ` ${unit}`}`}` } },
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
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
      </div>
    </figure>
  );
}
