import { ProblemNotice } from '../../components/problem-notice';
import type { Problem } from '../../lib/api-types';
import { type CommandSpec, COMMANDS } from '../../lib/commands';

/** "What you can do now": exactly the commands the API allows this person on this ticket at this moment. */
export function TicketActions({
  allowedCommands,
  sending,
  onAct,
  actionProblem,
  onDismissProblem,
  message,
}: {
  allowedCommands: readonly string[];
  sending: boolean;
  onAct: (spec: CommandSpec) => void;
  actionProblem: { readonly problem: Problem; readonly action: string } | undefined;
  onDismissProblem: () => void;
  message: string;
}) {
  const allowed = COMMANDS.filter((spec) => allowedCommands.includes(spec.type));
  return (
    <section aria-labelledby="actions-heading" className="ticket-actions">
      <h2 id="actions-heading">What you can do now</h2>
      {allowed.length === 0 ? (
        <p>Nothing: in this state, nobody in your role can change this ticket.</p>
      ) : (
        <div className="actions">
          {allowed.map((spec) => (
            <button type="button" key={spec.type} onClick={() => onAct(spec)} aria-disabled={sending}>
              {spec.label}
            </button>
          ))}
        </div>
      )}
      {actionProblem && <ProblemNotice problem={actionProblem.problem} action={actionProblem.action} onDismiss={onDismissProblem} />}
      <p role="status" className="message">
        {message}
      </p>
    </section>
  );
}
