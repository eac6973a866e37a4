import { useCallback, useMemo, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import type { PhoneCoverageReport } from '../../lib/phone-coverage-types';
import { navigate } from '../../lib/router';
import { useRangeReport } from '../../lib/use-range-report';
import { useSession } from '../../session';
import { CoverageForm } from './coverage-form';
import { coverageAddress, coverageInstantsOf, coverageParametersOf, type CoverageParameters } from './coverage-parameters';
import { CoverageTable } from './coverage-table';

/** Whether a day says anything: City Hall was open, or a transfer or late callback happened on a day it was closed. */
const worthShowing = (d: PhoneCoverageReport['days'][number]) => d.cityHallMinutes > 0 || d.transfers > 0 || d.callbacksLate > 0;

/**
 * The director's phone coverage report (docs/metrics.md, "Phone coverage"): per department and
 * day, City Hall minutes with nobody scheduled on the line or nobody available, transfers that
 * reached nobody and callbacks late, with the gaps' times. The parameters live in the address; a
 * department head gets their own department (the API scopes it).
 */
export function CoveragePage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const { api } = session;
  const applied = useMemo(() => coverageParametersOf(query, session), [query, session]);
  const [form, setForm] = useState<CoverageParameters>(applied);
  // New parameters in the address reset the form to them (state adjusted while rendering, not in an effect).
  const [formOf, setFormOf] = useState(applied);
  if (formOf !== applied) {
    setFormOf(applied);
    setForm(applied);
  }
  const instants = useMemo(() => coverageInstantsOf(applied, session), [applied, session]);
  const load = useCallback(
    (at: { from: Date; to: Date }, signal: AbortSignal) =>
      api.get('/metrics/phone-coverage', { query: { from: at.from.toISOString(), to: at.to.toISOString(), department: applied.department } }, signal),
    [api, applied],
  );
  const { loaded, problem, busy } = useRangeReport('Phone coverage — Switchboard', instants, load);
  const days = loaded?.days.filter(worthShowing) ?? [];
  const withGaps = days.filter((d) => d.gaps.length > 0).length;
  return (
    <>
      <h1>Phone coverage</h1>
      <CoverageForm form={form} onChange={setForm} onShow={() => navigate(coverageAddress(form))} />
      <p className="as-of-banner" role="status" data-testid="coverage-status" aria-busy={busy}>
        {busy
          ? 'Loading…'
          : loaded
            ? `${days.length} department-day${days.length === 1 ? '' : 's'} from ${applied.from} to ${applied.to}${
                loaded.department ? `, ${session.departmentName(loaded.department)}` : ''
              }: ${withGaps} with a gap in coverage.`
            : ''}
      </p>
      <ProblemNotice problem={problem} action="see the phone coverage report" />
      {loaded && (
        <section aria-labelledby="coverage-heading">
          <h2 id="coverage-heading">By department and day</h2>
          <p className="hint">
            Every department must keep someone answering its line while City Hall is open. “Nobody scheduled”: no one on the roster; “nobody available”: no one
            marked available. Days City Hall is closed are left out unless a transfer or a late callback happened on them. A department’s name opens its roster.
          </p>
          <CoverageTable days={days} />
        </section>
      )}
    </>
  );
}
