import { spawn } from 'node:child_process';
import { LeaseLostError } from '../errors';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { Lease } from './lease';
import { type HolderProcess, holderIdOf, holderIsGone, localProcesses, parseHolderId, type ProcessTable } from './lease-holder';

const TTL = 15_000;
const at = (seconds: number) => new Date(Date.parse('2026-03-02T12:00:00Z') + seconds * 1000);

/** A process of this host that has ended (and been reaped), as its holder id named it while it ran. */
async function endedProcess(): Promise<HolderProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  const pid = child.pid!;
  const startTime = localProcesses.startTimeOf(pid);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  expect(localProcesses.startTimeOf(pid)).toBeUndefined();
  return { ...localProcesses.self, pid, startTime: startTime ?? '' };
}

describe('lease holder ids', () => {
  const self = localProcesses.self;

  it('name this host, pid, start time and pid space, and parse back', () => {
    expect(self).toMatchObject({ pid: process.pid, startTime: expect.stringMatching(/^\d+$/), pidSpace: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(localProcesses.startTimeOf(process.pid)).toBe(self.startTime);
    const id = holderIdOf(self, 'a3c1');
    expect(id).toBe(`${self.host}:${process.pid}:${self.startTime}:${self.pidSpace}:a3c1`);
    expect(parseHolderId(id)).toEqual(self);
    expect(parseHolderId('projector-1')).toBeUndefined();
    expect(parseHolderId('8f14e45f-ceea-467f-a9f0-5b5c1d3a7c2e')).toBeUndefined();
  });

  it('judge a holder gone only when its process of this host and pid space has ended or its pid was reused', () => {
    const table = (running: Record<number, string>): ProcessTable => ({
      self: { host: 'box', pid: 1, startTime: '10', pidSpace: 'ab' },
      startTimeOf: (pid) => running[pid],
    });
    const holder = (named: Partial<HolderProcess>) => holderIdOf({ host: 'box', pid: 42, startTime: '500', pidSpace: 'ab', ...named }, 'u');
    expect(holderIsGone(holder({}), table({}))).toBe(true);
    expect(holderIsGone(holder({}), table({ 42: '500' }))).toBe(false);
    expect(holderIsGone(holder({}), table({ 42: '900' }))).toBe(true); // the pid now belongs to a later process
    expect(holderIsGone(holder({}), table({ 42: '' }))).toBe(false); // runs, start time unreadable
    expect(holderIsGone(holder({ startTime: '' }), table({ 42: '900' }))).toBe(false);
    expect(holderIsGone(holder({ host: 'other-box' }), table({}))).toBe(false);
    expect(holderIsGone(holder({ pidSpace: 'cd' }), table({}))).toBe(false); // another container or boot: its pids mean nothing here
    expect(holderIsGone('projector-1', table({}))).toBe(false);
  });
});

describe.each(READ_STORE_KINDS)('projection lease (%s)', (kind) => {
  const { store } = useReadStore(kind);
  const lease = (holder: string, processes?: ProcessTable) => new Lease(store(), 'tickets', holder, TTL, processes);

  it('is taken at once from a holder of this host whose process has ended', async () => {
    const dead = holderIdOf(await endedProcess());
    expect(await lease(dead).tryAcquire(at(0))).toBe(true);
    const restarted = lease(holderIdOf(localProcesses.self));
    expect(await restarted.tryAcquire(at(1))).toBe(true);
  });

  it('is not taken from a holder whose process still runs, until its lease expires', async () => {
    const live = lease(holderIdOf(localProcesses.self, 'runner-a'));
    expect(await live.tryAcquire(at(0))).toBe(true);
    const other = lease(holderIdOf(localProcesses.self, 'runner-b'));
    expect(await other.tryAcquire(at(1))).toBe(false);
    expect(await other.tryAcquire(at(15))).toBe(false);
    expect(await other.tryAcquire(at(15.001))).toBe(true);
  });

  it('is not taken early from a holder on another host, in another pid space, or with an id of another form', async () => {
    const ended = await endedProcess();
    for (const [i, holder] of [
      holderIdOf({ ...ended, host: `not-${ended.host}` }),
      holderIdOf({ ...ended, pidSpace: '0123456789abcdef' }),
      'projector-1',
    ].entries()) {
      const t = i * 100;
      expect(await lease(holder).tryAcquire(at(t))).toBe(true);
      const standby = lease(holderIdOf(localProcesses.self));
      expect(await standby.tryAcquire(at(t + 1))).toBe(false);
      expect(await standby.tryAcquire(at(t + 16))).toBe(true);
    }
  });

  it('still fences a holder that lost it: its renewals fail and it cannot take the lease back', async () => {
    // B's view of the host says A's process is gone (as after a crash); A is in fact still here.
    const a = lease(holderIdOf({ host: 'box', pid: 42, startTime: '500', pidSpace: 'ab' }), {
      self: { host: 'box', pid: 42, startTime: '500', pidSpace: 'ab' },
      startTimeOf: () => '',
    });
    const b = lease(holderIdOf({ host: 'box', pid: 43, startTime: '600', pidSpace: 'ab' }), {
      self: { host: 'box', pid: 43, startTime: '600', pidSpace: 'ab' },
      startTimeOf: (pid) => (pid === 42 ? undefined : '600'),
    });
    expect(await a.tryAcquire(at(0))).toBe(true);
    expect(await b.tryAcquire(at(1))).toBe(true);
    await expect(a.renew(at(2))).rejects.toBeInstanceOf(LeaseLostError);
    await expect(store().writeTransaction((trx) => a.renewIn(trx, at(2)))).rejects.toBeInstanceOf(LeaseLostError);
    expect(await a.tryAcquire(at(3))).toBe(false);
    await b.renew(at(4));
  });

  it('goes to one of two processes that find the same dead holder', async () => {
    const dead = holderIdOf(await endedProcess());
    expect(await lease(dead).tryAcquire(at(0))).toBe(true);
    const first = lease(holderIdOf(localProcesses.self, 'first'));
    const second = lease(holderIdOf(localProcesses.self, 'second'));
    const taken = await Promise.all([first.tryAcquire(at(1)), second.tryAcquire(at(1))]);
    expect(taken.filter(Boolean)).toHaveLength(1);
  });
});
