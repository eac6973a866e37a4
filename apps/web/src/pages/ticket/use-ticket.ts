import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { Problem, TicketHistory, TicketView } from '../../lib/api-types';

export interface TicketData {
  readonly ticket: TicketView | undefined;
  readonly history: TicketHistory | undefined;
  /** Why the ticket cannot be shown. */
  readonly problem: Problem | undefined;
  /** Loads the ticket and its history again. */
  readonly load: () => Promise<void>;
}

type Answer = { readonly asked: number } & ({ readonly view: TicketView; readonly trail: TicketHistory } | { readonly problem: Problem });

/** A ticket and its history, loaded together; answers are taken in the order they were asked, so a slower, older answer never replaces a newer one. */
export function useTicket(api: ApiClient, ticketId: string): TicketData {
  const [ticket, setTicket] = useState<TicketView>();
  const [history, setHistory] = useState<TicketHistory>();
  const [problem, setProblem] = useState<Problem>();

  const latest = useRef(0);
  // Asks for the ticket and its history; `show` takes the answer only if no newer one was asked for since.
  const fetchBoth = useCallback(async (): Promise<Answer> => {
    const asked = ++latest.current;
    try {
      const [view, trail] = await Promise.all([
        api.get('/tickets/{id}', { path: { id: ticketId } }),
        api.get('/tickets/{id}/history', { path: { id: ticketId } }),
      ]);
      return { asked, view, trail };
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      return { asked, problem: error.problem };
    }
  }, [api, ticketId]);
  const show = useCallback((answer: Answer) => {
    if (answer.asked !== latest.current) return;
    if ('problem' in answer) return setProblem(answer.problem);
    setTicket(answer.view);
    setHistory(answer.trail);
    setProblem(undefined);
  }, []);
  const load = useCallback(async () => show(await fetchBoth()), [fetchBoth, show]);

  // Another ticket in the address drops the one shown (adjusted while rendering, not in an effect).
  const [shownId, setShownId] = useState(ticketId);
  if (shownId !== ticketId) {
    setShownId(ticketId);
    setTicket(undefined);
    setHistory(undefined);
  }

  useEffect(() => {
    document.title = `Ticket ${ticketId} — Switchboard`;
    void fetchBoth().then(show);
  }, [fetchBoth, show, ticketId]);

  return { ticket, history, problem, load };
}
