import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@switchboard/event-store';
import { createReadStore, ReadModels, type ReadStore } from '@switchboard/read-models';
import type { Actor, TicketCommand } from '@switchboard/ticketing';
import { InMemoryResidentKeyStore, loadTicket, SlaWatcher, TicketCommandHandler, type SlaActionKind } from '@switchboard/command-handling';
import { actors, testCatalog } from '../../../libs/ticketing/src/testing/test-catalog';
import { projectAll } from '../../../libs/read-models/src/testing/project';

// A pothole (16 business hours) routed Wednesday 25 November 2026, 15:30 in the city's zone. Thursday
// is Thanksgiving, the weekend follows: due Monday 30 November 15:30 (20:30Z); the director's
// threshold is 16 business hours later, Wednesday 2 December 15:30.
export const ROUTED = '2026-11-25T20:30:00.000Z';
export const DUE = '2026-11-30T20:30:00.000Z';
export const DIRECTOR = '2026-12-02T20:30:00.000Z';

/** `iso` moved by `seconds`. */
export const shifted = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** A real SQLite event store and read store, a command handler and SLA watchers on one hand-moved clock. */
export class SlaWatchFixture {
  private current = Date.parse(ROUTED);
  readonly now = (): Date => new Date(this.current);
  /** What every watcher of the fixture did, in order. */
  readonly actions: { kind: SlaActionKind; ticketId: string }[] = [];
  readonly handler: TicketCommandHandler;

  private constructor(
    private readonly dir: string,
    readonly eventStore: EventStore,
    readonly readStore: ReadStore,
  ) {
    this.handler = new TicketCommandHandler(eventStore, testCatalog, this.now, new InMemoryResidentKeyStore());
  }

  static async open(): Promise<SlaWatchFixture> {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-sla-'));
    const eventStore = createEventStore(`sqlite:${join(dir, 'events.db')}`);
    return new SlaWatchFixture(dir, eventStore, await createReadStore(`sqlite:${join(dir, 'read.db')}`));
  }

  /** A watcher as a (re)started process gets it: its own command pipeline, nothing carried over. */
  watcher(
    handler: Pick<TicketCommandHandler, 'executeOnFresh'> = new TicketCommandHandler(this.eventStore, testCatalog, this.now, new InMemoryResidentKeyStore()),
  ): SlaWatcher {
    return new SlaWatcher({
      catalog: testCatalog,
      handler,
      checks: new ReadModels({ eventStore: this.eventStore, readStore: this.readStore }),
      now: this.now,
      observer: { slaAction: (kind, ticketId) => this.actions.push({ kind, ticketId }) },
      pageSize: 2,
    });
  }

  /** Moves the clock to `iso`. */
  at(iso: string): this {
    this.current = Date.parse(iso);
    return this;
  }

  /** Issues a command at `iso`. */
  async command(iso: string, command: TicketCommand, actor: Actor): Promise<void> {
    this.at(iso);
    await this.handler.execute(command, { actor, commandId: randomUUID() });
  }

  /** Opens a pothole at `iso` and routes it to Public Works a minute later; returns its id. */
  async routedPothole(ticketId: string, routedAt = ROUTED): Promise<string> {
    await this.command(
      shifted(routedAt, -60),
      { type: 'OpenTicket', ticketId, serviceCode: 'POTHOLE', description: 'Deep pothole', channel: 'phone' },
      actors.operator,
    );
    await this.command(routedAt, { type: 'AssignTicket', ticketId, department: 'DPW' }, actors.operator);
    return ticketId;
  }

  /** Brings the read models up to the event log (the projector's job). */
  project(): Promise<void> {
    return projectAll(this.eventStore, this.readStore, testCatalog);
  }

  /** Projects, then lets a watcher scan at `iso`. */
  async scanAt(iso: string, watcher = this.watcher()) {
    await this.project();
    this.at(iso);
    return watcher.scan();
  }

  /** The watcher's events in a ticket's stream: `breach@<time>`, `tier1@<time>`, `tier2@<time>`. */
  async slaEvents(ticketId: string): Promise<string[]> {
    const { records } = await loadTicket(this.eventStore, ticketId);
    return records.flatMap(({ event }) => {
      if (event?.metadata.actor.role !== 'system') return [];
      const what = event.type === 'TicketEscalated' ? `tier${event.data.tier}` : 'breach';
      return [`${what}@${event.metadata.occurredAt}`];
    });
  }

  async close(): Promise<void> {
    await this.readStore.close();
    await this.eventStore.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
