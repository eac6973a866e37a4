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

/** A ticket and its history, loaded together; answers are taken in the order they were asked, so a slower, older answer never replaces a newer one. */
export function useTicket(api: ApiClient, ticketId: string): TicketData {
  const [ticket, setTicket] = useState<TicketView>();
  const [history, setHistory] = useState<TicketHistory>();
  const [problem, setProblem] = useState<Problem>();

  const latest = useRef(0);
  const load = useCallback(async () => {
    const asked = ++latest.current;
    try {
      const [view, trail] = await Promise.all([
        api.get('/tickets/{id}', { path: { id: ticketId } }),
        api.get('/tickets/{id}/history', { path: { id: ticketId } }),
      ]);
      if (asked !== latest.current) return;
      setTicket(view);
      setHistory(trail);
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (asked === latest.current) setProblem(error.problem);
    }
  }, [api, ticketId]);

  useEffect(() => {
    document.title = `Ticket ${ticketId} — Switchboard`;
    setTicket(undefined);
    setHistory(undefined);
    void load();
  }, [load, ticketId]);

  return { ticket, history, problem, load };
}
