import { IsOptional, Matches } from 'class-validator';

/** What a global position looks like on the wire (opaque, fixed width per event store). */
export const GLOBAL_POSITION = /^[\w:./-]{1,64}$/;

/** Query parameter of every read-model query: wait until the read models include this global position. */
export class ReadPositionQuery {
  /** The `position` a command answered; the query waits (bounded) until the read models have reached it. */
  @IsOptional()
  @Matches(GLOBAL_POSITION, { message: 'must be the "position" a command answered, e.g. 00000000000000000042' })
  position?: string;
}
