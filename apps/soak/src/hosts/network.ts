import { execFileSync } from 'node:child_process';
import type { Placement } from '../processes';

/**
 * Test hosts on this machine: one network namespace per host, joined by veth pairs to two bridges
 * in the root namespace — `front` (clients to the API instances) and `back` (the processes to the
 * database). The root namespace has an address on both, so the load and the checks run from it.
 * Every name starts with `sbh<pid of the run>`, so a later run can tell a dead run's leftovers.
 */
export type Segment = 'front' | 'back';

export interface HostSpec {
  readonly name: string;
  readonly segments: readonly Segment[];
}

export interface Host {
  readonly name: string;
  readonly namespace: string;
  /** The host's address on each segment it is on. */
  readonly addresses: Partial<Record<Segment, string>>;
  /** Where a process on this host listens (its front address if it has one), and the command that runs it there under its own host name. */
  placement(segment?: Segment): Placement;
}

export const PREFIX = 'sbh';
const SEGMENT_TAG: Record<Segment, string> = { front: 'f', back: 'b' };

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `ip` that may fail (a link or namespace already gone). */
function ipQuietly(...args: string[]): void {
  try {
    ip(...args);
  } catch {
    // already gone
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Kills every process left in a namespace (orphans of a run that died), then deletes it. */
function deleteNamespace(namespace: string): void {
  let pids: string[] = [];
  try {
    pids = ip('netns', 'pids', namespace).split('\n').filter(Boolean);
  } catch {
    // no such namespace
  }
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  ipQuietly('netns', 'delete', namespace);
}

/** Whether this machine lets us create network namespaces (tried once); the reason when not. */
export function namespacesUnavailable(): string | undefined {
  const probe = `${PREFIX}${process.pid}-probe`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'delete', probe);
    return undefined;
  } catch (error) {
    return `\`ip netns add\` failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}`;
  }
}

/** The pid of the run that made a name of ours (`sbh<pid>…`), or undefined for another name. */
export function runOf(name: string): number | undefined {
  const match = new RegExp(`^${PREFIX}(\\d+)`).exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Whether the run with this pid has ended (its leftovers may go). */
export function runHasEnded(pid: number): boolean {
  return pid !== process.pid && !isRunning(pid);
}

/** Removes the namespaces (killing what runs in them) and links of the runs `selected` picks; returns what it removed. */
export function removeRuns(selected: (pid: number) => boolean): string[] {
  const removed: string[] = [];
  const picked = (name: string) => {
    const pid = runOf(name);
    return pid !== undefined && selected(pid);
  };
  const namespaces = ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0]);
  for (const namespace of namespaces.filter(picked)) {
    deleteNamespace(namespace);
    removed.push(namespace);
  }
  const links = [...ip('-o', 'link', 'show').matchAll(/^\d+: ([^:@\s]+)/gm)].map((match) => match[1]);
  for (const link of links.filter(picked)) {
    ipQuietly('link', 'delete', link);
    removed.push(link);
  }
  return removed;
}

/** The hosts of one run and the links between them. */
export class TestNetwork {
  private readonly hosts = new Map<string, Host>();
  private readonly links = new Map<string, string>();
  private readonly namespaces: string[] = [];
  private readonly id = `${PREFIX}${process.pid}`;
  /** 10.A.B.0/25 is the back segment, 10.A.B.128/25 the front; A.B from the pid, so concurrent runs do not meet. */
  private readonly net = `10.${64 + ((process.pid % 16384) >> 8)}.${process.pid % 256}`;

  /** The root namespace's address on a segment (the checks reach the database through it). */
  rootAddress(segment: Segment): string {
    return `${this.net}.${segment === 'back' ? 1 : 129}`;
  }

  /** A segment's subnet, e.g. for the database's host-based authentication. */
  subnet(segment: Segment): string {
    return `${this.net}.${segment === 'back' ? 0 : 128}/25`;
  }

  /** Creates the bridges and the hosts; on a failure, what was made is removed. */
  static create(specs: readonly HostSpec[]): TestNetwork {
    const network = new TestNetwork();
    try {
      for (const segment of ['front', 'back'] as const) {
        const bridge = network.bridge(segment);
        ip('link', 'add', bridge, 'type', 'bridge');
        ip('addr', 'add', `${network.rootAddress(segment)}/25`, 'dev', bridge);
        ip('link', 'set', bridge, 'up');
      }
      specs.forEach((spec, index) => network.addHost(spec, index));
      return network;
    } catch (error) {
      network.destroy();
      throw error;
    }
  }

  private bridge(segment: Segment): string {
    return `${this.id}br${SEGMENT_TAG[segment]}`;
  }

  private addHost(spec: HostSpec, index: number): void {
    const namespace = `${this.id}-${spec.name}`;
    ip('netns', 'add', namespace);
    this.namespaces.push(namespace);
    ip('-n', namespace, 'link', 'set', 'lo', 'up');
    const addresses: Partial<Record<Segment, string>> = {};
    for (const segment of spec.segments) {
      const link = `${this.id}h${index}${SEGMENT_TAG[segment]}`;
      const inside = `eth-${segment}`;
      addresses[segment] = `${this.net}.${(segment === 'back' ? 2 : 130) + index}`;
      ip('link', 'add', link, 'type', 'veth', 'peer', 'name', inside, 'netns', namespace);
      ip('link', 'set', link, 'master', this.bridge(segment), 'up');
      ip('-n', namespace, 'addr', 'add', `${addresses[segment]}/25`, 'dev', inside);
      ip('-n', namespace, 'link', 'set', inside, 'up');
      this.links.set(`${spec.name}/${segment}`, link);
    }
    this.hosts.set(spec.name, {
      name: spec.name,
      namespace,
      addresses,
      placement: (segment = addresses.front ? 'front' : 'back') => ({
        address: addresses[segment]!,
        // Its own UTS namespace gives each host its own host name, as separate machines have (the projection lease tells hosts apart by it).
        prefix: ['ip', 'netns', 'exec', namespace, 'unshare', '--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', spec.name],
      }),
    });
  }

  host(name: string): Host {
    const host = this.hosts.get(name);
    if (!host) throw new Error(`no test host ${name}`);
    return host;
  }

  /** Cuts a host off a segment: its veth's root end goes down, so its packets go nowhere (its connections stall, as behind a failed switch). */
  cut(name: string, segment: Segment): void {
    ip('link', 'set', this.link(name, segment), 'down');
  }

  /** Puts the host back on the segment. */
  restore(name: string, segment: Segment): void {
    ip('link', 'set', this.link(name, segment), 'up');
  }

  private link(name: string, segment: Segment): string {
    const link = this.links.get(`${name}/${segment}`);
    if (!link) throw new Error(`test host ${name} is not on the ${segment} segment`);
    return link;
  }

  /** Kills what still runs on the hosts and removes the namespaces and bridges (the veth pairs go with their namespaces). */
  destroy(): void {
    for (const namespace of this.namespaces) deleteNamespace(namespace);
    for (const segment of ['front', 'back'] as const) ipQuietly('link', 'delete', this.bridge(segment));
  }
}
