import {
  type AppendResult,
  ConcurrencyConflictError,
  type EventStore,
  InvalidArgumentError,
  type RecordedEvent,
  StreamNotFoundError,
} from '@switchboard/event-store';
import type { DecisionOf, Fact, Stamped, StreamCodec } from '@switchboard/knowledge';
import { type DecisionContext, NO_RESIDENT_KEYS, type ResidentKeyStore, type ServiceCatalog } from '@switchboard/ticketing';
import { CommandRefused, IdempotencyKeyReused, RevisionMismatch } from './command-errors';
import { requestDifferences } from './command-result';
import { KeyedLock } from './keyed-lock';
import { type CommandMeta, decisionContext } from './ticket-command-handler';

/** How often a command is decided again on fresh state after another writer got there first. */
const MAX_ATTEMPTS = 5;

/** One kind of event-sourced record of the knowledge domain (an article, a contact): its stream codec, fold and decider. */
export interface StreamAggregate<C extends { readonly type: string }, S, F extends Fact> {
  /** What the record is called in messages: `Article`, `Contact`. */
  readonly name: string;
  readonly codec: StreamCodec<F>;
  readonly initial: S;
  readonly evolve: (state: S, event: Stamped<F>) => S;
  readonly decide: (command: C, state: S, ctx: DecisionContext) => DecisionOf<F>;
  /** The id of the record a command is for. */
  readonly idOf: (command: C) => string;
}

/** A record folded from its own stream, with each stored event beside the state it left. */
export interface LoadedRecord<S, F extends Fact> {
  readonly id: string;
  readonly state: S;
  /** Revision of the stream's last event; undefined when the record has no history. */
  readonly revision?: number;
  readonly steps: readonly { readonly stored: RecordedEvent; readonly event?: Stamped<F>; readonly stateAfter: S }[];
}

/** What a command on a record answers: where it is now and what was recorded. */
export interface RecordCommandResult {
  readonly id: string;
  readonly revision: number;
  /** Global position of the command's last event: queries can wait for read models to reach it. */
  readonly position: string;
  readonly status: string;
  readonly events: readonly string[];
}

/**
 * The command pipeline for the knowledge domain's records, with the ticket pipeline's contract:
 * load the record's stream, fold, decide, append at the expected revision; without one, a
 * conflict is decided again on fresh state (bounded); a retried command id answers the original
 * result and writes nothing, and an id sent with another request is refused (IdempotencyKeyReused).
 */
export class StreamCommandHandler<C extends { readonly type: string }, S, F extends Fact> {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    private readonly aggregate: StreamAggregate<C, S, F> & { readonly statusOf: (state: S) => string },
    private readonly catalog: ServiceCatalog,
    private readonly now: () => Date,
    /** The resident keys, for an aggregate whose events carry a resident's personal data (contacts): sealed with the record's key, read with it. */
    private readonly keys?: ResidentKeyStore,
  ) {}

  /** Reads a record's stream and folds it. */
  async load(id: string): Promise<LoadedRecord<S, F>> {
    const { codec, evolve, initial } = this.aggregate;
    const steps: { stored: RecordedEvent; event?: Stamped<F>; stateAfter: S }[] = [];
    let state = initial;
    const stream = codec.streamName(id);
    const ring = this.keys && codec.personalField ? await this.keys.ring([stream]) : NO_RESIDENT_KEYS;
    try {
      for await (const stored of this.store.readStream(stream)) {
        const event = codec.decode(stored, ring);
        if (event) state = evolve(state, event);
        steps.push({ stored, event, stateAfter: state });
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { id, state, revision: steps.at(-1)?.stored.revision, steps };
  }

  /** Executes a command; throws CommandRefused, RevisionMismatch, IdempotencyKeyReused or the store's errors. */
  async execute(command: C, meta: CommandMeta): Promise<RecordCommandResult> {
    const id = this.aggregate.idOf(command);
    return this.lock.run(id, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.attempt(id, command, meta);
        } catch (error) {
          if (!(error instanceof ConcurrencyConflictError)) throw error;
          if (meta.expectedRevision !== undefined) {
            throw new RevisionMismatch(id, meta.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual, this.aggregate.name);
          }
          if (attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    });
  }

  private async attempt(id: string, command: C, meta: CommandMeta): Promise<RecordCommandResult> {
    const record = await this.load(id);
    const original = this.originalAnswer(record, command, meta);
    if (original) return original;
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== record.revision) {
      throw new RevisionMismatch(id, meta.expectedRevision, record.revision, this.aggregate.name);
    }
    const decision = this.aggregate.decide(command, record.state, decisionContext(meta, this.now(), this.catalog));
    if (!decision.ok) throw new CommandRefused(decision.error, decision.problems);
    const { codec } = this.aggregate;
    const stream = codec.streamName(id);
    const sealing = this.keys && decision.events.some(codec.carriesResidentData) ? { recordId: stream, key: await this.keys.issue(stream) } : undefined;
    let appended: AppendResult;
    try {
      appended = await this.store.append(
        stream,
        record.revision ?? 'no_stream',
        decision.events.map((event) => codec.encode(event, sealing)),
      );
    } catch (error) {
      // The same command id executed at the same moment elsewhere (two API instances importing the
      // demo rosters at start): its events carry the same ids with another time in them, which the
      // store refuses. What the other one recorded is this command's answer.
      if (!(error instanceof InvalidArgumentError)) throw error;
      const recordedElsewhere = this.originalAnswer(await this.load(id), command, meta);
      if (!recordedElsewhere) throw error;
      return recordedElsewhere;
    }
    return {
      id,
      revision: appended.nextExpectedRevision,
      position: appended.position,
      status: decision.status,
      events: decision.events.map((event) => event.type),
    };
  }

  /** The answer the command id got the first time, when it was recorded already. */
  private originalAnswer(record: LoadedRecord<S, F>, command: C, meta: CommandMeta): RecordCommandResult | undefined {
    const own = record.steps.filter((step) => step.event?.metadata.commandId === meta.commandId);
    const last = own.at(-1);
    if (!last) return undefined;
    const differs = requestDifferences(own[0].event!.metadata, { command, actor: meta.actor });
    if (differs.length > 0) throw new IdempotencyKeyReused(meta.commandId, differs, { ticketId: record.id, commandType: own[0].event!.metadata.commandType });
    return {
      id: record.id,
      revision: last.stored.revision,
      position: last.stored.globalPosition,
      status: this.aggregate.statusOf(last.stateAfter),
      events: own.map((step) => step.stored.type),
    };
  }
}
