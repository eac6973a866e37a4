import { useEffect, useRef, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import type { LineNow } from '../../lib/desk-types';
import { useSession } from '../../session';

type Coverage = { state: 'loading' } | { state: 'known'; answer: LineNow } | { state: 'failed'; problem: Problem };

/**
 * Transfer to a department's experts: who answers its phone now (`GET
 * /departments/:id/phone-coverage/now`: marked available first, then scheduled by the roster but
 * not available), then whether the transfer reached someone. Recording is the desk's (`onTransferred`): reached ends the contact, nobody
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
  const { api, catalog, me } = useSession();
  const departments = catalog.departments.filter((d) => d.id !== '311');
  const mayReadLine = (code: string) => me.may.phoneLinesOf.includes(code);
  const [department, setDepartment] = useState(
    initialDepartment && departments.some((d) => d.id === initialDepartment) ? initialDepartment : departments[0]?.id,
  );
  const [note, setNote] = useState('');
  const [coverage, setCoverage] = useState<{ department: string; coverage: Coverage }>();
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => select.current?.focus(), []);

  useEffect(() => {
    if (!department || !me.may.phoneLinesOf.includes(department)) return;
    const controller = new AbortController();
    api.get('/departments/{id}/phone-coverage/now', { path: { id: department }, query: {} }, controller.signal).then(
      (answer) => setCoverage({ department, coverage: { state: 'known', answer } }),
      (error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setCoverage({ department, coverage: { state: 'failed', problem: error.problem } });
      },
    );
    return () => controller.abort();
  }, [api, department, me]);

  const now: Coverage | undefined =
    department && !mayReadLine(department) ? undefined : coverage?.department === department ? coverage.coverage : { state: 'loading' };
  const available = now?.state === 'known' ? now.answer.answerers.filter((a) => a.available) : [];
  const scheduledOnly = now?.state === 'known' ? now.answer.answerers.filter((a) => !a.available) : [];
  const until = (instant: string | undefined) => (instant ? ` until ${formatCityTime(catalog.timeZone, instant)}` : '');
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
        {now === undefined && <p>Who answers this department’s line is not shown to you: try the line.</p>}
        {now?.state === 'loading' && <p aria-busy="true">Looking up who answers the phone now…</p>}
        {now?.state === 'known' && (
          <>
            {available.length === 0 ? (
              <p className="badge badge-overdue">Nobody is answering this department’s phone now{now.answer.cityHallOpen ? '' : ' (City Hall is closed)'}.</p>
            ) : (
              <p>Answering now: {available.map((a) => `${a.staffId}${until(a.availableUntil ?? a.scheduledUntil)}`).join(', ')}.</p>
            )}
            {scheduledOnly.length > 0 && (
              <p className="hint">Scheduled but not marked available: {scheduledOnly.map((a) => `${a.staffId}${until(a.scheduledUntil)}`).join(', ')}.</p>
            )}
          </>
        )}
      </div>
      {now?.state === 'failed' && <ProblemNotice problem={now.problem} action="see who answers the phone" />}
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
