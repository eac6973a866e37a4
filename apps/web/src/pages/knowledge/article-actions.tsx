import { useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import type { ArticleState } from '../../lib/api-types';
import { changesOf, formOf } from '../../lib/article-form';
import { ACTION_LABEL } from '../../lib/knowledge-words';
import { ArticleForm } from './article-form';
import type { ArticleCommands } from './use-article-commands';
import { WordsForm } from './words-form';

/** Actions that change the content: they open the content form. */
const CONTENT_ACTIONS = new Set(['edit', 'revise', 'propose']);
/** Actions that take a note or a reason, and whether it is required. */
const WORDS: Record<string, { field: 'note' | 'reason'; label: string; required: boolean }> = {
  review: { field: 'note', label: 'Note (optional)', required: false },
  retire: { field: 'reason', label: 'Why is it retired?', required: true },
};

/**
 * "What you can do now": the actions the API lists for this person on this article (the article
 * lifecycle's judgement); accepting and declining are offered on each pending proposal.
 */
export function ArticleActions({ article, allowedActions, commands }: { article: ArticleState; allowedActions: readonly string[]; commands: ArticleCommands }) {
  const [open, setOpen] = useState<string>();
  const offered = allowedActions.filter((action) => action !== 'accept' && action !== 'decline');
  const label = (action: string) => ACTION_LABEL[action] ?? action;
  const done = (ok: boolean) => {
    if (ok) setOpen(undefined);
  };
  const start = (action: string) => {
    commands.dismissProblem();
    if (CONTENT_ACTIONS.has(action) || WORDS[action]) setOpen(action);
    else void commands.send(action, label(action));
  };
  const initial = formOf(article.content!);
  return (
    <section aria-labelledby="article-actions-heading" className="ticket-actions">
      <h2 id="article-actions-heading">What you can do now</h2>
      {offered.length === 0 ? (
        <p>Nothing here: in this state, nobody in your role can change this article.</p>
      ) : (
        <div className="actions">
          {offered.map((action) => (
            <button
              type="button"
              key={action}
              onClick={() => start(action)}
              aria-disabled={commands.sending}
              aria-expanded={open === action ? true : undefined}
            >
              {label(action)}
            </button>
          ))}
        </div>
      )}
      {open && CONTENT_ACTIONS.has(open) && (
        <ContentChange key={open} action={open} label={label(open)} initial={initial} commands={commands} onDone={done} onCancel={() => setOpen(undefined)} />
      )}
      {open && WORDS[open] && (
        <WordsForm
          key={open}
          title={label(open)}
          fieldLabel={WORDS[open].label}
          required={WORDS[open].required}
          submitLabel={label(open)}
          sending={commands.sending}
          onSubmit={(text) => void commands.send(open, label(open), text ? { [WORDS[open].field]: text } : {}).then(done)}
          onCancel={() => setOpen(undefined)}
        />
      )}
      {commands.problem && (
        <ProblemNotice problem={commands.problem.problem} action={commands.problem.action} subject="article" onDismiss={commands.dismissProblem} />
      )}
      <p role="status" className="message">
        {commands.message}
      </p>
    </section>
  );
}

/** The content form for editing a draft, revising, or proposing a change: only the fields changed are sent. */
function ContentChange({
  action,
  label,
  initial,
  commands,
  onDone,
  onCancel,
}: {
  action: string;
  label: string;
  initial: ReturnType<typeof formOf>;
  commands: ArticleCommands;
  onDone: (ok: boolean) => void;
  onCancel: () => void;
}) {
  const [words, setWords] = useState('');
  const wordsField =
    action === 'propose'
      ? { name: 'reason', label: 'Why this change? *' }
      : action === 'revise'
        ? { name: 'note', label: 'Note on this revision (optional)' }
        : undefined;
  return (
    <section aria-label={label} className="panel">
      <h3>{label}</h3>
      <ArticleForm
        initial={initial}
        submitLabel={label}
        sending={commands.sending}
        onCancel={onCancel}
        onSubmit={(values) => {
          const body = { changes: changesOf(initial, values), ...(wordsField && words.trim() ? { [wordsField.name]: words.trim() } : {}) };
          void commands.send(action, label, body).then(onDone);
        }}
      >
        {wordsField && (
          <div className="field">
            <label htmlFor={`change-${wordsField.name}`}>{wordsField.label}</label>
            <textarea id={`change-${wordsField.name}`} rows={2} value={words} onChange={(e) => setWords(e.target.value)} />
          </div>
        )}
      </ArticleForm>
    </section>
  );
}
