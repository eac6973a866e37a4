import { useCallback, useMemo } from 'react';
import { ApiProblem } from '../../lib/api-client';
import { useRangeReport } from '../../lib/use-range-report';
import type { CompletionQuery, CompletionReport, EscalationView, Problem } from '../../lib/api-types';
import type { Session } from '../../session';
import { type DashboardInstants, instantsOf, type Parameters } from './dashboard-parameters';

export interface Loaded {
  /** The figures over the whole range (`period=range`: medians over every sample). */
  readonly range: CompletionReport;
  /** The figures by period, for the backlog trend. */
  readonly trend: CompletionReport;
  readonly escalations: readonly EscalationView[];
  /** Where the escalations list goes on (null: all are listed). */
  readonly escalationsCursor: string | null;
}

/** The escalations list comes 200 at a time, most urgent first; "Show more" asks for the next ones. */
const ESCALATIONS_PAGE = '200';

export interface DashboardData {
  readonly loaded: Loaded | undefined;
  /** A refused load, or parameters that cannot be asked for (named as the form names them). */
  readonly problem: Problem | undefined;
  readonly busy: boolean;
  /** Adds the next page of escalations. */
  readonly showMore: () => Promise<void>;
}

/**
 * The dashboard's three requests for the applied parameters (the figures over the range and by
 * period, and the escalations), as of the same moment; a change of parameters abandons the
 * requests still on their way.
 */
export function useDashboardData(session: Session, applied: Parameters): DashboardData {
  const { api } = session;
  const instants = useMemo(() => instantsOf(applied, session), [applied, session]);
  const load = useCallback(
    async (at: DashboardInstants, signal: AbortSignal): Promise<Loaded> => {
      // A past moment as of (what had happened) or as known at (what was recorded), the same for all three requests.
      const moment = at.asOf ? { [at.moment]: at.asOf.toISOString() } : {};
      const base: Omit<CompletionQuery, 'period'> = {
        from: at.from.toISOString(),
        to: at.to.toISOString(),
        groupBy: applied.groupBy,
        ...moment,
      };
      const [range, trend, escalations] = await Promise.all([
        api.get('/metrics/completion', { query: { ...base, period: 'range' } }, signal),
        api.get('/metrics/completion', { query: { ...base, period: applied.period } }, signal),
        api.get('/escalations', { query: { ...moment, limit: ESCALATIONS_PAGE } }, signal),
      ]);
      return { range, trend, escalations: escalations.tickets, escalationsCursor: escalations.nextCursor };
    },
    [api, applied],
  );
  const { loaded, problem, busy, setLoaded, setProblem } = useRangeReport('Dashboard — Switchboard', instants, load);

  const showMore = async () => {
    if (!loaded) return;
    try {
      const next = await api.get('/escalations', { query: { limit: ESCALATIONS_PAGE, cursor: loaded.escalationsCursor ?? undefined } });
      setLoaded({ ...loaded, escalations: [...loaded.escalations, ...next.tickets], escalationsCursor: next.nextCursor });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    }
  };

  return { loaded, problem, busy, showMore };
}
