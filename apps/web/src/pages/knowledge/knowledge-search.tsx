import { useId, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import type { KnowledgeHit } from '../../lib/api-types';
import { flagsInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';
import { useKnowledgeSearch } from './use-knowledge-search';

/** The search box: articles and service types for a resident's words as they are typed, each with its kind, owner and flags in words. */
export function KnowledgeSearchBox() {
  const session = useSession();
  const [words, setWords] = useState('');
  const { answer, problem } = useKnowledgeSearch(session.api, words, undefined);
  const id = useId();
  const hits = answer?.result.hits;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Search</h2>
      <form role="search" aria-label="Search the knowledge base" onSubmit={(e) => e.preventDefault()} className="knowledge-search">
        <label htmlFor={`${id}-q`}>What the resident asks</label>
        <input
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          value={words}
          onChange={(e) => setWords(e.target.value)}
          aria-describedby={`${id}-found`}
          placeholder="e.g. when is city hall open"
        />
      </form>
      <p id={`${id}-found`} role="status" className="message">
        {hits === undefined
          ? ''
          : hits.length === 0
            ? `Nothing found for “${answer!.words}”.`
            : `${hits.length} found for “${answer!.result.searchedFor.join(' ')}”, best first.`}
      </p>
      <ProblemNotice problem={problem} action="search the knowledge base" />
      {hits && hits.length > 0 && (
        <ol className="hits" data-testid="hits">
          {hits.map((hit) => (
            <Hit key={`${hit.kind}:${hit.ref}`} hit={hit} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Hit({ hit }: { hit: KnowledgeHit }) {
  const session = useSession();
  const flags = flagsInWords(hit.flags);
  return (
    <li data-ref={hit.ref} data-kind={hit.kind}>
      {hit.kind === 'article' ? <Link to={`/knowledge/${encodeURIComponent(hit.ref)}`}>{hit.title}</Link> : <span className="service">{hit.title}</span>}{' '}
      <span className="kind">{hit.kind === 'article' ? 'Article' : 'Service type (open a ticket)'}</span>
      {hit.ownerDepartment && <span className="owner"> · {session.departmentName(hit.ownerDepartment)}</span>}
      {flags && <span className="badge badge-overdue">{flags}</span>}
    </li>
  );
}
