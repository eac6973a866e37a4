import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Where a lease holder runs. A holder id names it (`host:pid:startTime:pidSpace:uuid`), so a
 * process on the same host can tell that the holder's process is gone and take its lease without
 * waiting for the expiry. Holders on other hosts cannot be judged: their leases expire as before.
 */
export interface HolderProcess {
  readonly host: string;
  readonly pid: number;
  /** When the process started (Linux: clock ticks after boot, field 22 of /proc/<pid>/stat), so a reused pid is told apart; '' when unknown. */
  readonly startTime: string;
  /**
   * What the pid counts in: on Linux a digest of the boot id and the pid namespace, so a pid is only
   * judged by a process that sees the same pids (not from another container or after a reboot); '' elsewhere.
   */
  readonly pidSpace: string;
}

/** What the lease needs to know about processes of this host. */
export interface ProcessTable {
  /** This process. */
  readonly self: HolderProcess;
  /** The start time of the process with this pid ('' when it runs but its start time is unknown), or undefined when it has ended. */
  startTimeOf(pid: number): string | undefined;
}

/** The holder id of a runner in `process`; `uuid` tells runners of one process apart. */
export function holderIdOf(process: HolderProcess, uuid: string = randomUUID()): string {
  return `${process.host}:${process.pid}:${process.startTime}:${process.pidSpace}:${uuid}`;
}

/** The process a holder id names, or undefined for an id of another form (an id given by configuration, or written by an older version). */
export function parseHolderId(holder: string): HolderProcess | undefined {
  const parts = holder.split(':');
  if (parts.length < 5) return undefined;
  const [pid, startTime, pidSpace, uuid] = parts.slice(-4);
  const host = parts.slice(0, -4).join(':');
  if (!host || !/^[1-9]\d*$/.test(pid) || !/^\d*$/.test(startTime) || !/^[0-9a-f]*$/.test(pidSpace) || !uuid) return undefined;
  return { host, pid: Number(pid), startTime, pidSpace };
}

/**
 * True only when the holder certainly no longer runs: it names a process of this host and pid
 * space, and no process has that pid any more, or the one that has it started at another time
 * (the pid was reused). Anything else — another host, another pid space, an id of another form,
 * a process that still runs — is not judged here: that lease is left to expire.
 */
export function holderIsGone(holder: string, processes: ProcessTable): boolean {
  const named = parseHolderId(holder);
  const { self } = processes;
  if (!named || named.host !== self.host || named.pidSpace !== self.pidSpace) return false;
  const startTime = processes.startTimeOf(named.pid);
  if (startTime === undefined) return true;
  return named.startTime !== '' && startTime !== '' && startTime !== named.startTime;
}

/** The processes of this host, as the operating system reports them. */
export const localProcesses: ProcessTable = {
  get self(): HolderProcess {
    return (thisProcess ??= { host: hostname(), pid: process.pid, startTime: procStartTime(process.pid) ?? '', pidSpace: linuxPidSpace() });
  },
  startTimeOf(pid: number): string | undefined {
    if (!Number.isSafeInteger(pid) || pid <= 0) return '';
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: it runs, under another user. Anything else but ESRCH: we cannot tell, so it counts as running.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    }
    return procStartTime(pid);
  },
};

let thisProcess: HolderProcess | undefined;

/**
 * Field 22 of /proc/<pid>/stat; undefined for a zombie (it has ended; only its exit status waits
 * for its parent), '' when unreadable (not Linux, or hidden by the mount options).
 */
function procStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
  // The command name (field 2) is in parentheses and may hold spaces or parentheses: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  const startTime = fields[19];
  return startTime !== undefined && /^\d+$/.test(startTime) ? startTime : '';
}

function linuxPidSpace(): string {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const namespace = readlinkSync('/proc/self/ns/pid');
    return createHash('sha256').update(`${bootId} ${namespace}`).digest('hex').slice(0, 16);
  } catch {
    return '';
  }
}
