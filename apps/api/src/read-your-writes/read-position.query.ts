import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/**
 * What a global position looks like on the wire: 20 digits (SQLite and the in-memory store), or
 * "<commit>/<prepare>" of 20 digits each (EventStoreDB). Which of the two this API's store uses,
 * and whether the position exists yet, ReadYourWrites checks.
 */
export const GLOBAL_POSITION = /^\d{20}(?:\/\d{20})?$/;

/** Query parameter of every read-model query: wait until the read models include this global position. */
export class ReadPositionQuery {
  /** The `position` a command answered; the query waits (bounded) until the read models have reached it. */
  @ApiPropertyOptional({
    description:
      'The `position` a command answered; the query waits (bounded) until the read models include it. A position the event log has not reached is a 400.',
    pattern: GLOBAL_POSITION.source,
    example: '00000000000000000042',
  })
  @IsOptional()
  @Matches(GLOBAL_POSITION, { message: 'must be the "position" a command answered, e.g. 00000000000000000042' })
  position?: string;
}
