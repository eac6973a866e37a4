import { ProgressReporter } from './progress-reporter';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (text: string) => chunks.push(text) > 0 };
}

describe('ProgressReporter', () => {
  it('redraws a bar with rate and ETA on a terminal', () => {
    let now = 0;
    const out = stream(true);
    const progress = new ProgressReporter({ stream: out, now: () => now, unit: 'events', total: 1000 });
    now = 2000;
    progress.update(250);
    progress.finish();
    expect(out.chunks).toEqual(['\r[########......................]  25%  250 events  125 events/s  ETA 0:06\x1b[K', '\n']);
  });

  it('prints a plain line at most every interval when not on a terminal', () => {
    let now = 0;
    const out = stream(false);
    const progress = new ProgressReporter({ stream: out, now: () => now, unit: 'events', lineIntervalMs: 5000 });
    for (const [at, done] of [
      [1000, 10],
      [5000, 50],
      [6000, 60],
      [10000, 100],
    ]) {
      now = at;
      progress.update(done);
    }
    expect(out.chunks).toEqual(['50 events  10 events/s\n', '100 events  10 events/s\n']);
  });
});
