import type { KeyObject } from 'node:crypto';
import type { EventStore } from '../port/event-store';
import { isTamperEvident, type SignedCheckpoint, type TamperEvidence } from '../port/tamper-evidence';
import { signCheckpoint } from './checkpoint-signature';
import { loadSigningKey, signingKeyFile } from './signing-key';

/** Signs the store's chain head and keeps the checkpoint in the store (docs/audit.md). */
export class CheckpointWriter {
  constructor(
    private readonly store: Pick<TamperEvidence, 'chainHead' | 'saveCheckpoint' | 'readCheckpoints'>,
    private readonly privateKey: KeyObject,
    private readonly now: () => Date,
  ) {}

  /** Writes a checkpoint of the log as it is now, always (on demand). */
  async write(): Promise<SignedCheckpoint> {
    const checkpoint = signCheckpoint(await this.store.chainHead(), this.privateKey, this.now());
    await this.store.saveCheckpoint(checkpoint);
    return checkpoint;
  }

  /** Writes a checkpoint unless the last one kept already covers every event (periodically); answers the one written, if any. */
  async writeIfNew(): Promise<SignedCheckpoint | undefined> {
    const head = await this.store.chainHead();
    const kept = await this.store.readCheckpoints();
    const last = kept[kept.length - 1];
    if (last && last.body.events === head.events && last.body.logHash === head.logHash) return undefined;
    const checkpoint = signCheckpoint(head, this.privateKey, this.now());
    await this.store.saveCheckpoint(checkpoint);
    return checkpoint;
  }
}

/** Timers, as the project's Clock offers them (libs/read-models' `Clock` fits): tests move time by hand instead of sleeping. */
export interface CheckpointTimers {
  setTimeout(callback: () => unknown, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers that do not keep the process alive. */
const systemTimers: CheckpointTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface CheckpointLoopOptions {
  /** Pause between checkpoints (ms). */
  readonly intervalMs: number;
  /** Whether this process writes checkpoints now (it holds the projection lease: one process writes). */
  readonly mayWrite: () => boolean;
  /** Default: real timers. */
  readonly timers?: CheckpointTimers;
  readonly onWritten?: (checkpoint: SignedCheckpoint) => void;
  readonly onError?: (error: unknown) => void;
}

/** Writes a checkpoint every interval while the log grows. */
export class CheckpointLoop {
  private timer: unknown;
  private writing: Promise<void> = Promise.resolve();
  private running = false;
  private readonly timers: CheckpointTimers;

  constructor(
    private readonly writer: Pick<CheckpointWriter, 'writeIfNew'>,
    private readonly options: CheckpointLoopOptions,
  ) {
    this.timers = options.timers ?? systemTimers;
  }

  /** The first checkpoint comes one interval after the start. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops the timer and waits for a checkpoint being written. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
  }

  /** Writes now if the log grew (the tick the timer runs); exposed so tests drive it without timers. */
  async tick(): Promise<void> {
    if (!this.options.mayWrite()) return;
    try {
      const checkpoint = await this.writer.writeIfNew();
      if (checkpoint) this.options.onWritten?.(checkpoint);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private schedule(): void {
    this.timer = this.timers.setTimeout(() => {
      this.writing = this.tick().finally(() => {
        if (this.running) this.schedule();
      });
      return this.writing;
    }, this.options.intervalMs);
  }
}

/** What a process that projects needs to write checkpoints periodically. */
export interface PeriodicCheckpointsOptions extends Omit<CheckpointLoopOptions, 'onWritten'> {
  readonly store: EventStore;
  /** The event store's URL: the embedded default's key file sits beside its SQLite file. */
  readonly storeUrl: string;
  /** SWITCHBOARD_AUDIT_SIGNING_KEY, when set. */
  readonly keyFile: string | undefined;
  readonly now: () => Date;
  readonly onWritten?: (checkpoint: SignedCheckpoint) => void;
}

/**
 * The checkpoint loop of a process that projects (docs/audit.md), not yet started; undefined, with
 * the reason, when this store keeps no chain or no signing key is configured (a store other than
 * the embedded SQLite one without SWITCHBOARD_AUDIT_SIGNING_KEY). The embedded default's key is
 * generated on first use, as `audit checkpoint` does.
 */
export function periodicCheckpoints(options: PeriodicCheckpointsOptions): { loop: CheckpointLoop } | { loop: undefined; reason: string } {
  if (!isTamperEvident(options.store)) return { loop: undefined, reason: 'the event store keeps no hash chain' };
  const file = signingKeyFile(options.storeUrl, options.keyFile);
  if (!file) return { loop: undefined, reason: 'no checkpoint signing key: set SWITCHBOARD_AUDIT_SIGNING_KEY (the store is not the embedded SQLite one)' };
  const key = loadSigningKey(file, { create: options.keyFile === undefined });
  return { loop: new CheckpointLoop(new CheckpointWriter(options.store, key.privateKey, options.now), options) };
}
