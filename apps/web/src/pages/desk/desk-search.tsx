import { forwardRef, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem } from '../../lib/api-client';
import type { KnowledgeHit, Problem } from '../../lib/api-types';
import { flagsInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';
import { useKnowledgeSearch } from '../knowledge/use-knowledge-search';

/**
 * How long the words must stay unchanged, with their hits on screen, before the search counts as
 * the resident's question and is logged on the contact. Enter or choosing a hit logs it at once.
 */
export const SETTLED_SEARCH_MS = 1500;

/**
 * One search box over articles and service types as the operator types (a combobox: ↓/↑ move
 * through the hits, Enter opens the one marked — the top hit when none is — Escape closes the
 * list). Type-ahead requests are not logged; a settled search is, once per wording and contact
 * (`GET /knowledge/search?contactId=`), so the gaps list counts questions, not keystrokes.
 */
export const DeskSearch = forwardRef<HTMLInputElement, { contactId: string | undefined; onChoose: (hit: KnowledgeHit) => void }>(function DeskSearch(
  { contactId, onChoose },
  input,
) {
  const { api } = useSession();
  const [words, setWords] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(true);
  const [logProblem, setLogProblem] = useState<Problem>();
  const { answer, problem } = useKnowledgeSearch(api, words, undefined);
  const id = useId();
  const query = words.trim();
  const hits = answer && answer.words === query ? answer.result.hits : undefined;
  const logged = useRef(new Set<string>());

  // A new contact starts a fresh log and an empty box.
  useEffect(() => {
    logged.current = new Set();
  }, [contactId]);

  const log = (q: string) => {
    if (!contactId || q === '' || logged.current.has(q)) return;
    logged.current.add(q);
    api.get('/knowledge/search', { query: { q, contactId, limit: '10' } }).then(
      () => setLogProblem(undefined),
      (error) => {
        logged.current.delete(q);
        if (!(error instanceof ApiProblem)) throw error;
        setLogProblem(error.problem);
      },
    );
  };
  const logRef = useRef(log);
  useEffect(() => {
    logRef.current = log;
  });

  // Settled: the same words with their hits on screen for SETTLED_SEARCH_MS.
  useEffect(() => {
    if (!hits) return;
    const timer = setTimeout(() => logRef.current(query), SETTLED_SEARCH_MS);
    return () => clearTimeout(timer);
  }, [hits, query]);

  const choose = (hit: KnowledgeHit) => {
    log(query);
    setOpen(false);
    onChoose(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const count = hits?.length ?? 0;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? count - 1 : a - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (hits && count > 0) choose(hits[Math.max(active, 0)]);
      else log(query);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const expanded = open && hits !== undefined && hits.length > 0;
  return (
    <section aria-labelledby={`${id}-heading`} className="desk-search">
      <h2 id={`${id}-heading`}>Search articles and services</h2>
      <div className="field">
        <label htmlFor={`${id}-q`}>What the resident asks</label>
        <input
          id={`${id}-q`}
          ref={input}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-hits`}
          aria-activedescendant={expanded && active >= 0 ? `${id}-hit-${active}` : undefined}
          aria-describedby={`${id}-found`}
          value={words}
          onChange={(e) => {
            setWords(e.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          placeholder="e.g. pothole, when is city hall open"
        />
        <p className="hint">↓ ↑ move through the hits, Enter opens one (the top hit when none is marked).</p>
      </div>
      <p id={`${id}-found`} role="status" className="message">
        {query === '' || !answer || answer.words !== query
          ? ''
          : answer.result.hits.length === 0
            ? `Nothing found for “${query}”.`
            : `${answer.result.hits.length} found for “${answer.result.searchedFor.join(' ')}”, best first.`}
      </p>
      <ProblemNotice problem={problem} action="search the knowledge base" />
      <ProblemNotice problem={logProblem} action="record the search on the contact" />
      <ul id={`${id}-hits`} role="listbox" aria-label="Articles and services found" className="desk-hits" hidden={!expanded} data-testid="desk-hits">
        {expanded &&
          hits.map((hit, index) => (
            <Hit key={`${hit.kind}:${hit.ref}`} id={`${id}-hit-${index}`} hit={hit} active={index === active} onChoose={() => choose(hit)} />
          ))}
      </ul>
    </section>
  );
});

function Hit({ id, hit, active, onChoose }: { id: string; hit: KnowledgeHit; active: boolean; onChoose: () => void }) {
  const session = useSession();
  const flags = flagsInWords(hit.flags);
  return (
    // The combobox keeps focus and marks the option (aria-activedescendant); a click chooses it too.
    <li id={id} role="option" aria-selected={active} data-ref={hit.ref} data-kind={hit.kind} className={active ? 'active' : undefined} onClick={onChoose}>
      <span className="title">{hit.title}</span> <span className="kind">{hit.kind === 'article' ? 'Answer' : 'Service — open a ticket'}</span>
      {hit.ownerDepartment && <span className="owner"> · {session.departmentName(hit.ownerDepartment)}</span>}
      {flags && <span className="badge badge-overdue">{flags}</span>}
    </li>
  );
}
