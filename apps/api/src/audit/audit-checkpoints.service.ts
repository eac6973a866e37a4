import { existsSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  type CheckpointLoop,
  type CheckpointResult,
  EVENT_STORE,
  type EventStore,
  genesisState,
  isTamperEvident,
  loadSigningKey,
  type Mismatch,
  periodicCheckpoints,
  type SignedCheckpoint,
  signingKeyFile,
  type TamperEvidentEventStore,
  type VerifiableEvent,
  verifyChainFrom,
  type VerifiedState,
} from '@switchboard/event-store';
import type { ProjectionRunner } from '@switchboard/read-models';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { PROJECTION_RUNNER } from '../read-models/read-models.module';
import type { CheckpointDto, ChainMismatchDto, LatestCheckpointDto } from './latest-checkpoint.dto';

/**
 * The event log's signed checkpoints in the API process (docs/audit.md): with the embedded
 * projector (`in-process`) it writes one every interval while its projection runner holds the
 * lease and the log grew; and it tells whether the latest checkpoint holds against the live log,
 * verifying the chain incrementally: the events after the last checkpoint it verified, each once
 * per process, so an answer costs the events signed since (a full check is `switchboard audit verify`).
 */
@Injectable()
export class AuditCheckpointsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditCheckpoints');
  /** Exposed so tests write a checkpoint by hand (`tick`) instead of waiting an interval. */
  readonly loop: CheckpointLoop | undefined;
  private readonly publicKey: KeyObject | undefined;
  private state: VerifiedState = genesisState();
  private readonly outcomes = new Map<string, CheckpointResult>();
  private checking: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) runner: ProjectionRunner,
  ) {
    if (config.projector === 'in-process') {
      const periodic = periodicCheckpoints({
        store,
        storeUrl: config.eventStoreUrl,
        keyFile: config.auditSigningKey,
        intervalMs: config.auditCheckpointIntervalMs,
        mayWrite: () => runner.status === 'active',
        now: () => clock.now(),
        timers: clock,
        onWritten: ({ body }) => this.logger.log(`signed a checkpoint of the event log: ${body.events} events, position ${body.position}`),
        onError: (error) => this.logger.error('could not sign a checkpoint; the next interval retries', error instanceof Error ? error.stack : String(error)),
      });
      this.loop = periodic.loop;
      if (!periodic.loop) this.logger.warn(`no periodic checkpoints of the event log: ${periodic.reason}`);
    }
    const keyFile = signingKeyFile(config.eventStoreUrl, config.auditSigningKey);
    this.publicKey = keyFile && existsSync(keyFile) ? loadSigningKey(keyFile, { create: false }).publicKey : undefined;
  }

  onApplicationBootstrap(): void {
    this.loop?.start();
  }

  /** Stops the loop before the event store closes (this module is imported after it). */
  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
    await this.checking;
  }

  /** The latest checkpoint and whether it holds now; one check at a time, each going on from the last. */
  latest(): Promise<LatestCheckpointDto> {
    const answer = this.checking.then(() => this.check());
    this.checking = answer.catch(() => undefined);
    return answer;
  }

  private async check(): Promise<LatestCheckpointDto> {
    const store = this.store;
    const periodic = { periodic: this.loop !== undefined, intervalMs: this.config.auditCheckpointIntervalMs };
    if (!isTamperEvident(store)) return { checkpoint: null, verification: null, lastHolding: null, checkpointsKept: 0, ...periodic };
    const kept = (await store.readCheckpoints()).sort((a, b) => a.body.events - b.body.events);
    const latest = kept[kept.length - 1];
    if (!latest) return { checkpoint: null, verification: null, lastHolding: null, checkpointsKept: 0, ...periodic };
    const unseen = kept.filter((checkpoint) => checkpoint.body.events > this.state.events && !this.outcomes.has(checkpoint.signature));
    let eventsRead = 0;
    let mismatch: Mismatch | null = null;
    if (unseen.length > 0) {
      const through = unseen[unseen.length - 1].body.events;
      const counted = async function* (events: AsyncIterable<VerifiableEvent>): AsyncIterable<VerifiableEvent> {
        for await (const event of events) {
          eventsRead++;
          yield event;
        }
      };
      const report = await verifyChainFrom(this.state, counted(this.eventsAfter(store, this.state, through - this.state.events)), {
        checkpoints: unseen,
        publicKey: this.publicKey,
      });
      if (report.intact) {
        this.state = report.state;
        report.checkpoints.forEach((result) => this.outcomes.set(result.checkpoint.signature, result));
      } else mismatch = report.firstMismatch;
      // A log that does not match is checked again next time (it may be mended from a backup); a holding checkpoint is not.
      if (!report.intact) {
        const result = report.checkpoints.find((r) => r.checkpoint.signature === latest.signature);
        return this.answer(kept, latest, result, eventsRead, mismatch, periodic);
      }
    }
    return this.answer(kept, latest, this.outcomes.get(latest.signature), eventsRead, mismatch, periodic);
  }

  private answer(
    kept: readonly SignedCheckpoint[],
    latest: SignedCheckpoint,
    result: CheckpointResult | undefined,
    eventsRead: number,
    mismatch: Mismatch | null,
    periodic: { periodic: boolean; intervalMs: number },
  ): LatestCheckpointDto {
    const holding = kept.filter((checkpoint) => this.outcomes.get(checkpoint.signature)?.status === 'holds');
    return {
      checkpoint: checkpointDto(latest),
      verification: {
        status: result?.status ?? 'not-checked',
        detail: result?.detail ?? 'it covers no more events than a checkpoint verified before it',
        checkedAt: this.clock.now().toISOString(),
        eventsRead,
        verifiedThrough: this.state.events,
        firstMismatch: mismatch && mismatchDto(mismatch),
      },
      lastHolding: holding.length > 0 ? checkpointDto(holding[holding.length - 1]) : null,
      checkpointsKept: kept.length,
      ...periodic,
    };
  }

  private async *eventsAfter(store: TamperEvidentEventStore, state: VerifiedState, maxCount: number): AsyncIterable<VerifiableEvent> {
    for await (const event of store.readChained({ after: state.position, maxCount })) {
      yield { ...event, position: event.globalPosition };
    }
  }
}

const checkpointDto = ({ body, signature }: SignedCheckpoint): CheckpointDto => ({
  events: body.events,
  position: body.position,
  logHash: body.logHash,
  streams: body.streams,
  streamHeadsDigest: body.streamHeadsDigest,
  signedAt: body.signedAt,
  keyId: body.keyId,
  signature,
});

const mismatchDto = (mismatch: Mismatch): ChainMismatchDto => ({
  kind: mismatch.kind,
  detail: mismatch.detail,
  eventId: mismatch.event?.id ?? null,
  streamName: mismatch.event?.streamName ?? null,
  revision: mismatch.event?.revision ?? null,
  position: mismatch.event?.position ?? null,
});
