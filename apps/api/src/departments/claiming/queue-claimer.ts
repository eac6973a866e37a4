import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ReadModels } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { ConcurrencyConflictError } from '@switchboard/event-store';
import { CommandRefused, type CommandResult, IdempotencyKeyReused, RevisionMismatch, TicketCommandHandler } from '@switchboard/command-handling';
import { CLOCK, type Clock } from '../../clock/clock';
import { NothingToClaim } from '../../errors/api-exceptions';
import { READ_MODELS } from '../../read-models/read-models.module';

/** How many unclaimed tickets one claim tries before answering that there is nothing to claim. */
const CANDIDATES = 20;

/**
 * Gives a staff member the next unclaimed ticket of a queue by starting it through the command
 * pipeline at the revision the read model showed: whoever starts it first wins, the others move
 * on to the next candidate, so two people never get the same ticket.
 */
@Injectable()
export class QueueClaimer {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly commands: TicketCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Starts work on the first candidate still unclaimed; throws NothingToClaim when none is.
   * With an Idempotency-Key, a retried claim answers the ticket the first one claimed.
   */
  async claim(department: string, actor: Actor, correlationId: string, idempotencyKey?: string): Promise<CommandResult> {
    const key = idempotencyKey ?? randomUUID();
    const earlier = idempotencyKey ? await this.claimedBefore(department, actor, key) : undefined;
    if (earlier) return earlier;
    const candidates = await this.readModels.claimCandidates(department, CANDIDATES, this.clock.now());
    for (const candidate of candidates) {
      try {
        // One command id per candidate: each attempt is a different command, on a different ticket.
        const meta = { actor, commandId: claimCommandId(key, candidate.ticketId), expectedRevision: candidate.revision, correlationId };
        return await this.commands.execute({ type: 'StartWork', ticketId: candidate.ticketId }, meta);
      } catch (error) {
        if (!takenMeanwhile(error)) throw error;
      }
    }
    throw new NothingToClaim(department);
  }

  /**
   * The answer of an earlier claim with the same key: it started one of the caller's tickets in
   * progress in this department's queue (as the read models show them) under the claim's command
   * id. As for any retried command, it must come from the same caller (IdempotencyKeyReused
   * otherwise); the department is the queue looked in, and a claim's command has no other field.
   */
  private async claimedBefore(department: string, actor: Actor, key: string): Promise<CommandResult | undefined> {
    const mine = await this.readModels.departmentQueue(department, { assignee: actor.id, now: this.clock.now() });
    const keys = mine.filter((entry) => entry.status === 'in_progress').map(({ ticketId }) => ({ ticketId, commandId: claimCommandId(key, ticketId) }));
    const [start] = await this.readModels.workStartsUnder(keys);
    if (!start) return undefined;
    if (start.actor.id !== actor.id || start.actor.role !== actor.role) {
      throw new IdempotencyKeyReused(start.commandId, ['caller'], { ticketId: start.ticketId, commandType: 'StartWork' });
    }
    // StartWork records one WorkStarted, which always leaves the ticket in progress.
    return { ticketId: start.ticketId, revision: start.revision, position: start.position, status: 'in_progress', events: ['WorkStarted'] };
  }
}

/** The command id of a claim's StartWork on one ticket: the claim's key and the ticket. */
const claimCommandId = (key: string, ticketId: string) => `claim:${key}:${ticketId}`;

/** The ticket moved on since the read model saw it (claimed, held, closed…); a refusal about the caller is not this. */
function takenMeanwhile(error: unknown): boolean {
  if (error instanceof RevisionMismatch || error instanceof ConcurrencyConflictError) return true;
  return error instanceof CommandRefused && error.error.kind === 'IllegalTransition';
}
