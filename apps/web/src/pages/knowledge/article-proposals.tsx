import { useState } from 'react';
import { actorInWords } from '../ticket/event-details';
import type { PendingProposal } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { useSession } from '../../session';
import { FieldChanges } from './article-history';
import type { ArticleCommands } from './use-article-commands';
import { WordsForm } from './words-form';

/** Changes proposed and waiting for the owner: what each would change, who asked and why; accept or decline where the API allows it. */
export function ArticleProposals({
  proposals,
  allowedActions,
  commands,
}: {
  proposals: readonly PendingProposal[];
  allowedActions: readonly string[];
  commands: ArticleCommands;
}) {
  const session = useSession();
  const [declining, setDeclining] = useState<string>();
  if (proposals.length === 0) return null;
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposed changes waiting for a decision</h2>
      <ul className="proposals" data-testid="proposals">
        {proposals.map((proposal, index) => (
          <li key={proposal.proposalId} data-proposal={proposal.proposalId}>
            <p>
              Proposed by {actorInWords(proposal.proposedBy)}, {formatCityTime(session.catalog.timeZone, proposal.proposedAt)}: {proposal.reason}
            </p>
            <FieldChanges changes={proposal.changes} />
            <div className="actions">
              {allowedActions.includes('accept') && (
                <button
                  type="button"
                  aria-disabled={commands.sending}
                  aria-label={`Accept proposal ${index + 1}`}
                  onClick={() => void commands.send('accept', 'Accept the proposal', { proposalId: proposal.proposalId })}
                >
                  Accept
                </button>
              )}
              {allowedActions.includes('decline') && (
                <button type="button" aria-label={`Decline proposal ${index + 1}`} onClick={() => setDeclining(proposal.proposalId)}>
                  Decline
                </button>
              )}
            </div>
            {declining === proposal.proposalId && (
              <WordsForm
                title={`Decline proposal ${index + 1}`}
                fieldLabel="Why is it declined?"
                required
                submitLabel="Decline"
                sending={commands.sending}
                onSubmit={(reason) =>
                  void commands.send('decline', 'Decline the proposal', { proposalId: proposal.proposalId, reason }).then((ok) => ok && setDeclining(undefined))
                }
                onCancel={() => setDeclining(undefined)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
