import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { CommandRefused, type CommandResult, RevisionMismatch } from '@switchboard/ticket-service';
import { CLOCK, type Clock } from '../../clock/clock';
import { NothingToClaim } from '../../errors/api-exceptions';
import { READ_MODELS } from '../../read-models/read-models.module';
import { TicketCommandService } from '../../tickets/command-handling/ticket-command.service';

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
    private readonly commands: TicketCommandService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts work on the first candidate still unclaimed; throws NothingToClaim when none is. */
  async claim(department: string, actor: Actor, correlationId: string): Promise<CommandResult> {
    const candidates = await this.readModels.claimCandidates(department, CANDIDATES, this.clock.now());
    for (const candidate of candidates) {
      try {
        // A new command id per attempt: each is a different command, on a different ticket.
        const meta = { actor, commandId: randomUUID(), expectedRevision: candidate.revision, correlationId };
        return await this.commands.execute({ type: 'StartWork', ticketId: candidate.ticketId }, meta);
      } catch (error) {
        if (!takenMeanwhile(error)) throw error;
      }
    }
    throw new NothingToClaim(department);
  }
}

/** The ticket moved on since the read model saw it (claimed, held, closed…); a refusal about the caller is not this. */
function takenMeanwhile(error: unknown): boolean {
  if (error instanceof RevisionMismatch || error instanceof ConcurrencyConflictError) return true;
  return error instanceof CommandRefused && error.error.kind === 'IllegalTransition';
}
