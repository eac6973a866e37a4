import { SlaWatchLoop } from './sla-watch-loop';

describe('SlaWatchLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('scans at once and then every interval, only while the process may watch, until stopped', async () => {
    let scans = 0;
    let mayWatch = false;
    const loop = new SlaWatchLoop(
      { scan: async () => ({ tickets: 0, actions: 0, failures: 0, scan: ++scans }) },
      { intervalMs: 1000, mayWatch: () => mayWatch },
    );
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

  it('wakes to scan at once when the process becomes the one that watches, without doubling a scan in progress', async () => {
    let scans = 0;
    let mayWatch = false;
    let finishScan: () => void = () => undefined;
    const scan = () =>
      new Promise<{ tickets: number; actions: number; failures: number }>((resolve) => {
        scans += 1;
        finishScan = () => resolve({ tickets: 0, actions: 0, failures: 0 });
      });
    const loop = new SlaWatchLoop({ scan }, { intervalMs: 60_000, mayWatch: () => mayWatch });
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(scans).toBe(0);
    mayWatch = true;
    loop.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(scans).toBe(1);
    loop.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(scans).toBe(1);
    finishScan();
    await jest.advanceTimersByTimeAsync(59_000);
    expect(scans).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(scans).toBe(2);
    finishScan();
    await loop.stop();
  });
});
