import { useCallback, useMemo } from 'react';
import type { BusiestTimesReport, ContactMetricsReport, KnowledgeGapsReport, Problem } from '../../lib/api-types';
import { useRangeReport } from '../../lib/use-range-report';
import type { Session } from '../../session';
import { contactInstantsOf, type ContactParameters } from './contacts-parameters';

export interface LoadedContacts {
  /** The figures over the whole range (`period=range`: medians over every sample), by the chosen grouping. */
  readonly range: ContactMetricsReport;
  /** All lines together by period, for the trend. */
  readonly trend: ContactMetricsReport;
  readonly gaps: KnowledgeGapsReport;
  readonly busiest: BusiestTimesReport;
}

export interface ContactsData {
  readonly loaded: LoadedContacts | undefined;
  /** A refused load, or parameters that cannot be asked for (named as the form names them). */
  readonly problem: Problem | undefined;
  readonly busy: boolean;
}

/** The page's four requests for the applied parameters; a change of parameters abandons the requests still on their way. */
export function useContactsData(session: Session, applied: ContactParameters): ContactsData {
  const { api } = session;
  const instants = useMemo(() => contactInstantsOf(applied, session), [applied, session]);
  const load = useCallback(
    async (at: { from: Date; to: Date }, signal: AbortSignal): Promise<LoadedContacts> => {
      const range = { from: at.from.toISOString(), to: at.to.toISOString() };
      const [byGroup, trend, gaps, busiest] = await Promise.all([
        api.get('/metrics/contacts', { query: { ...range, groupBy: applied.groupBy, period: 'range' } }, signal),
        api.get('/metrics/contacts', { query: { ...range, groupBy: 'all', period: applied.period } }, signal),
        api.get('/metrics/contacts/gaps', { query: range }, signal),
        api.get('/metrics/contacts/busiest', { query: range }, signal),
      ]);
      return { range: byGroup, trend, gaps, busiest };
    },
    [api, applied],
  );
  const { loaded, problem, busy } = useRangeReport('Contacts — Switchboard', instants, load);
  return { loaded, problem, busy };
}
