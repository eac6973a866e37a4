import { SlaWatchLoop } from './sla-watch-loop';

describe('SlaWatchLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('scans at once and then every interval, only while the process may watch, until stopped', async () => {
    let scans = 0;
    let mayWatch = false;
    const loop = new SlaWatchLoop({ scan: async () => ({ tickets: 0, actions: 0, failures: 0, scan: ++scans }) }, { intervalMs: 1000, mayWatch: () => mayWatch });
    loop.start();
    await jest.advanceTimersByTimeAsync(2500);
    expect(scans).toBe(0);
    mayWatch = true;
    await jest.advanceTimersByTimeAsync(1000);
    expect(scans).toBe(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(scans).toBe(3);
    await loop.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(scans).toBe(3);
  });

  it('reports a failed scan and keeps scanning', async () => {
    const errors: unknown[] = [];
    let scans = 0;
    const scan = async () => {
      scans += 1;
      if (scans === 1) throw new Error('store down');
      return { tickets: 0, actions: 0, failures: 0 };
    };
    const loop = new SlaWatchLoop({ scan }, { intervalMs: 1000, mayWatch: () => true, onError: (error) => errors.push(error) });
    loop.start();
    await jest.advanceTimersByTimeAsync(1000);
    await loop.stop();
    expect(scans).toBe(2);
    expect(errors).toEqual([new Error('store down')]);
  });
});
