import type { Problem } from './api-types';
import { commandInWords, statusInWords, whoMayInWords } from './words';

/** What the person was trying to do, to say what went wrong in their terms. */
export interface ProblemContext {
  /** e.g. "complete ticket K7M-4QX2", "see the queue of Public Works". */
  readonly action?: string;
  readonly departmentName?: (id: string) => string;
  /** What is being changed: "ticket" unless said ("article"). */
  readonly subject?: string;
}

/**
 * An API error in plain words for the person at the screen: what happened and what they can do.
 * Never hides the problem: the server's own message is kept where it says more.
 */
export function problemInWords(problem: Problem, context: ProblemContext = {}): string {
  const action = context.action ? ` ${context.action}` : ' do that';
  const subject = context.subject ?? 'ticket';
  switch (problem.error) {
    case 'Unauthorized':
      return 'Your sign-in was not accepted (the token is unknown or has expired). Sign in again.';
    case 'Forbidden': {
      const who = problem.whoMay && problem.whoMay.length > 0 ? ` Only ${whoMayInWords(problem.whoMay, context.departmentName)} may.` : '';
      return `You are not allowed to${action}.${who} ${problem.message}`.trim();
    }
    case 'NotFound':
      return problem.what && problem.id ? `No ${problem.what} “${problem.id}” was found.` : problem.message;
    case 'IllegalTransition': {
      const allowed = (problem.allowed ?? []).map(commandInWords);
      const now = problem.state ? `The ${subject} is ${statusInWords(problem.state)} now, so you cannot${action}.` : `You cannot${action} now.`;
      return allowed.length > 0 ? `${now} What can be done now: ${allowed.join(', ')}.` : now;
    }
    case 'RevisionMismatch':
      return `Someone changed this ${subject} after you loaded it${problem.currentRevision !== undefined ? ` (it is at revision ${problem.currentRevision} now)` : ''}. The view has been refreshed: check it and try again.`;
    case 'ConcurrencyConflict':
      return `The ${subject} kept changing while your request was saved. Try again.`;
    case 'NothingToClaim':
      return 'There is no ticket you can claim in this queue right now.';
    case 'InvalidRequest':
    case 'InvalidCommand': {
      const fields = (problem.problems ?? []).map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`);
      return fields.length > 0 ? `Please correct: ${fields.join('; ')}` : problem.message;
    }
    case 'ReadModelsBehind':
    case 'StoreUnavailable':
    case 'ServiceUnavailable':
      return 'Switchboard is busy or catching up. Try again in a moment.';
    case 'NetworkError':
      return 'Switchboard could not be reached. Check the connection and try again.';
    default:
      return `${problem.message}${problem.correlationId ? ` (reference ${problem.correlationId})` : ''}`;
  }
}
