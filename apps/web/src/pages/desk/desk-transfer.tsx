import { useEffect, useRef, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { getIfServed } from '../../lib/desk-optional-routes';
import type { PhoneCoverageNow } from '../../lib/desk-types';
import { useSession } from '../../session';

type Coverage = { state: 'loading' } | { state: 'not-offered' } | { state: 'known'; answer: PhoneCoverageNow } | { state: 'failed'; problem: Problem };

/**
 * Transfer to a department's experts: who answers its phone now, then whether the transfer
 * reached someone. Recording is the desk's (`onTransferred`): reached ends the contact, nobody
 * leaves a callback ticket in the department's queue.
 */
export function DeskTransfer({
  initialDepartment,
  busy,
  onTransferred,
}: {
  initialDepartment: string | undefined;
  busy: boolean;
  onTransferred: (department: string, reached: boolean, note: string) => void;
}) {
  const { api, catalog } = useSession();
  const departments = catalog.departments.filter((d) => d.id !== '311');
  const [department, setDepartment] = useState(
    initialDepartment && departments.some((d) => d.id === initialDepartment) ? initialDepartment : departments[0]?.id,
  );
  const [note, setNote] = useState('');
  const [coverage, setCoverage] = useState<{ department: string; coverage: Coverage }>();
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => select.current?.focus(), []);

  useEffect(() => {
    if (!department) return;
    const controller = new AbortController();
    getIfServed<PhoneCoverageNow>(api, '/departments/{code}/phone-coverage/now', { path: { code: department } }, controller.signal).then(
      (answer) => setCoverage({ department, coverage: answer ? { state: 'known', answer } : { state: 'not-offered' } }),
      (error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setCoverage({ department, coverage: { state: 'failed', problem: error.problem } });
      },
    );
    return () => controller.abort();
  }, [api, department]);

  const now: Coverage = coverage?.department === department ? coverage.coverage : { state: 'loading' };
  return (
    <section aria-labelledby="desk-transfer-heading" className="desk-panel" data-testid="desk-transfer">
      <h2 id="desk-transfer-heading">Transfer</h2>
      <div className="field">
        <label htmlFor="desk-transfer-department">Department</label>
        <select id="desk-transfer-department" ref={select} value={department} onChange={(e) => setDepartment(e.target.value)}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div role="status" data-testid="coverage-now">
        {now.state === 'loading' && <p aria-busy="true">Looking up who answers the phone now…</p>}
        {now.state === 'not-offered' && <p>This Switchboard does not keep phone coverage yet: try the line.</p>}
        {now.state === 'known' &&
          (now.answer.available.length === 0 ? (
            <p className="badge badge-overdue">Nobody is answering this department’s phone now.</p>
          ) : (
            <p>Answering now: {now.answer.available.map((p) => p.name ?? p.userId).join(', ')}.</p>
          ))}
      </div>
      {now.state === 'failed' && <ProblemNotice problem={now.problem} action="see who answers the phone" />}
      <div className="field">
        <label htmlFor="desk-transfer-note">What the resident needs (for the department)</label>
        <textarea id="desk-transfer-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !department} onClick={() => department && onTransferred(department, true, note)}>
          Reached someone — end the contact
        </button>
        <button type="button" disabled={busy || !department} onClick={() => department && onTransferred(department, false, note)}>
          Nobody answered — leave a callback
        </button>
      </div>
    </section>
  );
}
