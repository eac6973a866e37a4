import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult } from '@switchboard/command-handling';
import type { TicketStatus } from '@switchboard/ticketing';

/**
 * What every command answers, as the OpenAPI document describes it: the command pipeline's
 * CommandResult (a controller returning it as this class proves the interface fits the class,
 * `implements` the class fits the interface).
 */
export class CommandResultDto implements CommandResult {
  readonly ticketId!: string;
  /** Revision of the ticket's last event (also sent as `ETag: W/"<revision>"`). */
  readonly revision!: number;
  /** Global position of the command's last event: queries can wait for read models to reach it. */
  readonly position!: string;
  readonly status!: TicketStatus;
  /** Types of the events the command recorded, in order. */
  // The plugin reads `T[]`, not `readonly T[]`, and CommandResult's list is read-only.
  @ApiProperty({ type: [String] })
  readonly events!: readonly string[];
}
