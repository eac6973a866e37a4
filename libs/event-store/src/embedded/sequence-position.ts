import type { GlobalPosition } from '../port/event-store';
import { InvalidArgumentError } from '../port/errors';

const WIDTH = 20;
const DIGITS = /^\d{20}$/;

/** Encodes a gapless sequence number (1, 2, …) as a fixed-width position, so string order is log order. */
export function sequenceToPosition(sequence: number): GlobalPosition {
  return String(sequence).padStart(WIDTH, '0');
}

/** Decodes a position produced by `sequenceToPosition`; anything else is an invalid argument. */
export function positionToSequence(position: GlobalPosition): number {
  const sequence = DIGITS.test(position) ? Number(position) : Number.NaN;
  if (!Number.isSafeInteger(sequence)) {
    throw new InvalidArgumentError(`${JSON.stringify(position)} is not a position of this store (expected ${WIDTH} digits).`);
  }
  return sequence;
}
