import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EventStore } from '../src/port/event-store';
import { collect } from '../src/testing/helpers';
import { crashEventId } from './crash-event-id';

export interface Ack {
  readonly revision: number;
  readonly position: string;
}

/** Runs the appender child on `url` until it has acknowledged `killAfterAcks` appends, then SIGKILLs it mid-run. */
export async function appendUntilKilled(url: string, appenders: number, killAfterAcks: number): Promise<Map<number, Ack[]>> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'crash-appender.ts'), url, String(appenders)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acks = new Map<number, Ack[]>();
  let count = 0;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const [, stream, revision, position] = line.split(' ');
    acks.set(Number(stream), [...(acks.get(Number(stream)) ?? []), { revision: Number(revision), position }]);
    if (++count === killAfterAcks) child.kill('SIGKILL');
  }
  expect(await exited).toBeNull();
  expect(child.signalCode).toBe('SIGKILL');
  return acks;
}

/**
 * Checks what a killed appender left: every acknowledged append stored complete at the position it
 * was acknowledged with, at most one unacknowledged append per appender, and `$all` numbered
 * 1, 2, … without gaps. Returns how many events are stored.
 */
export async function expectEveryAckStored(store: EventStore, acks: Map<number, Ack[]>, appenders: number): Promise<number> {
  let total = 0;
  for (let stream = 0; stream < appenders; stream++) {
    const acked = acks.get(stream) ?? [];
    const events = await collect(store.readStream(`crash-${stream}`));
    // Each appender has at most one append in flight, which may have committed without being reported.
    expect(events.length - acked.length).toBeGreaterThanOrEqual(0);
    expect(events.length - acked.length).toBeLessThanOrEqual(1);
    events.forEach((event, revision) => {
      expect(event).toMatchObject({ id: crashEventId(stream, revision), revision, data: { stream, revision } });
    });
    acked.forEach((ack, i) => expect([ack.revision, ack.position]).toEqual([i, events[i].globalPosition]));
    total += events.length;
  }
  const all = await collect(store.readAll());
  expect(all.map((e) => Number(e.globalPosition))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  return total;
}
