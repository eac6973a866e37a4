import type { Position } from '@eventstore/db-client';
import type { GlobalPosition } from '../port/event-store';
import { InvalidArgumentError } from '../port/errors';

const WIDTH = 20;
const FORMAT = /^(\d{20})\/(\d{20})$/;

/**
 * Encodes an EventStoreDB log position as "<commit>/<prepare>", both zero-padded to 20 digits
 * (enough for any unsigned 64-bit value), so string order is `$all` order and JSON carries it safely.
 */
export function encodePosition(position: Position): GlobalPosition {
  return `${position.commit.toString().padStart(WIDTH, '0')}/${position.prepare.toString().padStart(WIDTH, '0')}`;
}

/** Decodes a position made by `encodePosition`; anything else is an invalid argument. */
export function decodePosition(position: GlobalPosition): Position {
  const match = FORMAT.exec(position);
  if (!match) {
    throw new InvalidArgumentError(`${JSON.stringify(position)} is not an EventStoreDB position (expected "<commit>/<prepare>", 20 digits each).`);
  }
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
