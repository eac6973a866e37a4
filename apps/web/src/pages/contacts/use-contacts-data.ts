import { useEffect, useMemo, useState } from 'react';
import { ApiProblem } from '../../lib/api-client';
import type { BusiestTimesReport, ContactMetricsReport, KnowledgeGapsReport, Problem } from '../../lib/api-types';
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
  const [loaded, setLoaded] = useState<LoadedContacts>();
  const [problem, setProblem] = useState<Problem>();
  // The instants whose requests have finished: busy while the current ones have not.
  const [doneFor, setDoneFor] = useState<object>();
  const instants = useMemo(() => contactInstantsOf(applied, session), [applied, session]);
  const invalid = 'error' in instants ? instants : undefined;

  useEffect(() => {
    document.title = 'Contacts — Switchboard';
    if ('error' in instants) return;
    const controller = new AbortController();
    const range = { from: instants.from.toISOString(), to: instants.to.toISOString() };
    Promise.all([
      api.get('/metrics/contacts', { query: { ...range, groupBy: applied.groupBy, period: 'range' } }, controller.signal),
      api.get('/metrics/contacts', { query: { ...range, groupBy: 'all', period: applied.period } }, controller.signal),
      api.get('/metrics/contacts/gaps', { query: range }, controller.signal),
      api.get('/metrics/contacts/busiest', { query: range }, controller.signal),
    ])
      .then(([byGroup, trend, gaps, busiest]) => {
        setLoaded({ range: byGroup, trend, gaps, busiest });
        setProblem(undefined);
      })
      .catch((error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error.problem);
        setLoaded(undefined);
      })
      .finally(() => {
        if (!controller.signal.aborted) setDoneFor(instants);
      });
    return () => controller.abort();
  }, [api, applied, instants]);

  return invalid ? { loaded: undefined, problem: invalid, busy: false } : { loaded, problem, busy: doneFor !== instants };
}
