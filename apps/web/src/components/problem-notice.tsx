import type { Problem } from '../lib/api-types';
import { problemInWords, type ProblemContext } from '../lib/plain-words';
import { useOptionalSession } from './use-optional-session';

/** An error in plain words, announced to screen readers; never swallowed. */
export function ProblemNotice({
  problem,
  action,
  subject,
  onDismiss,
}: {
  problem: Problem | undefined;
  action?: string;
  /** What is being changed, when not a ticket ("article"). */
  subject?: string;
  onDismiss?: () => void;
}) {
  const session = useOptionalSession();
  if (!problem) return null;
  const context: ProblemContext = { action, subject, departmentName: session?.departmentName };
  return (
    <div className="notice notice-error" role="alert" data-problem={problem.error}>
      <p>{problemInWords(problem, context)}</p>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
