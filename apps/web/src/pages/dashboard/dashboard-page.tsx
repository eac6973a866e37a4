import { useCallback, useMemo, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { navigate } from '../../lib/router';
import { useSession } from '../../session';
import { AsOfBanner } from './as-of-banner';
import { CompletionFiguresSection } from './completion-figures';
import { dashboardAddress, type Parameters, parametersOf } from './dashboard-parameters';
import { EscalationsTable } from './escalations-table';
import { ReportForm } from './report-form';
import { useDashboardData } from './use-dashboard-data';

/** Completion figures and escalations over a range, live or as known at a past moment; the parameters live in the address. */
export function DashboardPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const applied = useMemo(() => parametersOf(query, session), [query, session]);
  const [form, setForm] = useState<Parameters>(applied);
  // New parameters in the address reset the form to them (state adjusted while rendering, not in an effect).
  const [formOf, setFormOf] = useState(applied);
  if (formOf !== applied) {
    setFormOf(applied);
    setForm(applied);
  }
  const { loaded, problem, busy, showMore } = useDashboardData(session, applied);

  const apply = (next: Parameters) => navigate(dashboardAddress(next));
  const label = useCallback(
    (group: string) => (applied.groupBy === 'department' ? session.departmentName(group) : applied.groupBy === 'service' ? session.serviceName(group) : group),
    [applied.groupBy, session],
  );
  return (
    <>
      <h1>Completion dashboard</h1>
      <ReportForm form={form} onChange={setForm} onShow={() => apply(form)} onBackToNow={applied.asOf ? () => apply({ ...form, asOf: '' }) : undefined} />
      <AsOfBanner past={applied.asOf !== ''} busy={busy} loaded={loaded} />
      <ProblemNotice problem={problem} action="see these completion metrics" />
      {loaded && <CompletionFiguresSection loaded={loaded} groupBy={applied.groupBy} label={label} />}
      {loaded && <EscalationsTable tickets={loaded.escalations} more={loaded.escalationsCursor !== null} onMore={showMore} />}
    </>
  );
}
