import { commandBody, commandSpec, missingField } from '../../src/lib/commands';
import { problemInWords } from '../../src/lib/plain-words';

const names = (id: string) => ({ DPW: 'Public Works' })[id] ?? id;

describe('API problems in plain words', () => {
  it('says who may, for a refusal', () => {
    const text = problemInWords(
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Staff see their own department’s queue.',
        whoMay: [{ role: 'staff', department: 'DPW' }, { role: 'operator' }, { role: 'director' }],
      },
      { action: 'see the queue of Public Works', departmentName: names },
    );
    expect(text).toBe(
      'You are not allowed to see the queue of Public Works. Only staff of Public Works, 311 operators or the Director of Constituent Services may. Staff see their own department’s queue.',
    );
  });

  it('says what the ticket is now and what can be done, for an illegal transition', () => {
    const text = problemInWords(
      { statusCode: 409, error: 'IllegalTransition', message: 'x', state: 'completed', command: 'StartWork', allowed: ['ReopenTicket', 'CommentOnTicket'] },
      { action: 'start work on K7M-4QX2' },
    );
    expect(text).toBe('The ticket is completed now, so you cannot start work on K7M-4QX2. What can be done now: reopen, comment.');
  });

  it('names every invalid field, and the revision for a stale view', () => {
    expect(
      problemInWords({
        statusCode: 400,
        error: 'InvalidRequest',
        message: 'x',
        problems: [
          { field: 'from', message: 'must be a date' },
          { field: 'period', message: 'must be one of day, week, month' },
        ],
      }),
    ).toBe('Please correct: from: must be a date; period: must be one of day, week, month');
    expect(problemInWords({ statusCode: 412, error: 'RevisionMismatch', message: 'x', currentRevision: 4 })).toContain('revision 4');
  });

  it('keeps the reference of an unexpected error', () => {
    expect(problemInWords({ statusCode: 500, error: 'InternalServerError', message: 'Something went wrong.', correlationId: 'c-1' })).toBe(
      'Something went wrong. (reference c-1)',
    );
  });
});

describe('command forms', () => {
  it('sends only filled fields, and the duplicate’s parent only for a duplicate', () => {
    const close = commandSpec('CloseTicket')!;
    expect(commandBody(close, { reason: 'withdrawn', parentTicketId: 'ABC-1234', note: ' ' })).toEqual({ reason: 'withdrawn' });
    expect(commandBody(close, { reason: 'duplicate', parentTicketId: 'ABC-1234', note: 'same hole' })).toEqual({
      reason: 'duplicate',
      parentTicketId: 'ABC-1234',
      note: 'same hole',
    });
  });

  it('names the first required field left empty', () => {
    const complete = commandSpec('CompleteTicket')!;
    expect(missingField(complete, { resolutionCode: 'repaired', note: '' })?.label).toBe('What was done');
    expect(missingField(complete, { resolutionCode: 'repaired', note: 'Filled' })).toBeUndefined();
  });
});
