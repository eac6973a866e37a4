import type { InvalidCommand } from '../shared/domain-errors';
import { commandProblems } from '../shared/reading';
import type { AvailabilityCommandType } from './availability-commands';
import { readStaffId } from './read-slots';

/** Every field problem of an availability command, in the order found; empty when its shape is right. */
export const validateAvailabilityCommand = (command: unknown): InvalidCommand<AvailabilityCommandType>[] =>
  commandProblems<AvailabilityCommandType>(
    command,
    {
      MarkAvailable: (r, f) => {
        readStaffId(r, f.staffId, 'staffId');
        r.string(f.department, 'department');
      },
      MarkAway: (r, f) => readStaffId(r, f.staffId, 'staffId'),
    },
    { MarkAvailable: ['staffId', 'department'], MarkAway: ['staffId'] },
  );
