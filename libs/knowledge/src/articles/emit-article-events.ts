import type { DecisionContext } from '@switchboard/ticketing';
import type { ArticleCommand } from './article-commands';
import { applyFieldChanges, changesTo, diffContent, type FieldChange } from './article-content';
import type { ArticleEvent } from './article-events';
import type { ArticleState } from './article-state';

type Emitter<C extends ArticleCommand> = (command: C, state: ArticleState, ctx: DecisionContext) => ArticleEvent[];
const optional = <K extends string>(key: K, value: string | undefined) => (value ? ({ [key]: value } as Record<K, string>) : {});

/** A content change as the state calls for it: a draft's edit, or a published article's next revision. */
const changeEvent = (state: ArticleState, changes: readonly FieldChange[], extra: { note?: string; proposalId?: string }): ArticleEvent =>
  state.status === 'draft'
    ? { type: 'DraftEdited', data: { changes, ...optional('proposalId', extra.proposalId) } }
    : { type: 'ArticleRevised', data: { revision: state.revision + 1, changes, ...optional('note', extra.note), ...optional('proposalId', extra.proposalId) } };

const EMITTERS: { [T in ArticleCommand['type']]: Emitter<Extract<ArticleCommand, { type: T }>> } = {
  DraftArticle: (c) => [{ type: 'ArticleDrafted', data: { articleId: c.articleId, ownerDepartment: c.ownerDepartment, content: c.content } }],
  EditDraft: (c, state) => [changeEvent(state, changesTo(state.content!, c.changes), {})],
  PublishArticle: (_c, state) => [{ type: 'ArticlePublished', data: { revision: state.revision + 1 } }],
  ReviseArticle: (c, state) => [changeEvent(state, changesTo(state.content!, c.changes), { note: c.note })],
  ReviewArticle: (c) => [{ type: 'ArticleReviewed', data: optional('note', c.note) }],
  ProposeChange: (c, state, ctx) => [
    { type: 'ChangeProposed', data: { proposalId: ctx.commandId, changes: changesTo(state.content!, c.changes), reason: c.reason } },
  ],
  AcceptChange: (c, state) => {
    // The proposal's values applied to the article as it is now: what it changes may have shrunk since it was made.
    const proposal = state.pendingProposals.find((p) => p.proposalId === c.proposalId)!;
    const changes = diffContent(state.content!, applyFieldChanges(state.content!, proposal.changes));
    const accepted: ArticleEvent = { type: 'ChangeAccepted', data: { proposalId: c.proposalId, ...optional('note', c.note) } };
    return changes.length > 0 ? [accepted, changeEvent(state, changes, { note: c.note, proposalId: c.proposalId })] : [accepted];
  },
  DeclineChange: (c) => [{ type: 'ChangeDeclined', data: { proposalId: c.proposalId, reason: c.reason } }],
  RetireArticle: (c) => [{ type: 'ArticleRetired', data: { reason: c.reason } }],
};

/** The facts an article command accepted by the lifecycle produces. */
export function emitArticleEvents(command: ArticleCommand, state: ArticleState, ctx: DecisionContext): ArticleEvent[] {
  return (EMITTERS[command.type] as Emitter<ArticleCommand>)(command, state, ctx);
}
