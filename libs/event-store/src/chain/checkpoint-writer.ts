import type { KeyObject } from 'node:crypto';
import type { SignedCheckpoint, TamperEvidence } from '../port/tamper-evidence';
import { signCheckpoint } from './checkpoint-signature';

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

export interface CheckpointLoopOptions {
  /** Pause between checkpoints (ms). */
  readonly intervalMs: number;
  /** Whether this process writes checkpoints now (it holds the projection lease: one process writes). */
  readonly mayWrite: () => boolean;
  readonly onWritten?: (checkpoint: SignedCheckpoint) => void;
  readonly onError?: (error: unknown) => void;
}

/** Writes a checkpoint every interval while the log grows. */
export class CheckpointLoop {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly writer: Pick<CheckpointWriter, 'writeIfNew'>,
    private readonly options: CheckpointLoopOptions,
  ) {}

  /** The first checkpoint comes one interval after the start. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops the timer and waits for a checkpoint being written. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
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
    this.timer = setTimeout(() => {
      this.writing = this.tick().finally(() => {
        if (this.running) this.schedule();
      });
    }, this.options.intervalMs).unref();
  }
}
