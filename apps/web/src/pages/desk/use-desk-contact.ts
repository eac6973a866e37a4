import { useCallback, useRef, useState } from 'react';
import { type ApiClient, ApiProblem, newRequestKey } from '../../lib/api-client';
import type { ContactCommandAnswer, Problem } from '../../lib/api-types';
import type { DeskChannel, ResidentDetails } from '../../lib/desk-types';

/** The contact on the desk: started by the console with a fresh id. */
export interface DeskContact {
  readonly id: string;
  readonly channel: DeskChannel;
  readonly line: string;
  readonly resident?: ResidentDetails;
}

export type ContactAction = 'start' | 'identify' | 'article' | 'ticket' | 'transfer' | 'callback' | 'end';

export interface DeskContactState {
  readonly contact: DeskContact | undefined;
  readonly problem: Problem | undefined;
  readonly busy: boolean;
  start(channel: DeskChannel, line: string): Promise<DeskContact | undefined>;
  /** `POST /contacts/:id/<action>` with a fresh Idempotency-Key; the API's refusal is kept in `problem` (undefined answered). */
  record(action: Exclude<ContactAction, 'start'>, body: object): Promise<ContactCommandAnswer | undefined>;
  /** Ends the contact as handled; the desk is then free for the next one. */
  end(summary?: string): Promise<boolean>;
  noteResident(resident: ResidentDetails): void;
  clearProblem(): void;
}

/**
 * The desk's contact: start, record what happened, end. One command at a time (a second one while
 * one is on its way is ignored, so a double press records once); every refusal is shown.
 */
export function useDeskContact(api: ApiClient): DeskContactState {
  const [contact, setContact] = useState<DeskContact>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const send = useCallback(
    async (id: string, action: ContactAction, body: object): Promise<ContactCommandAnswer | undefined> => {
      if (sending.current) return undefined;
      sending.current = true;
      setBusy(true);
      try {
        const answer = (await api.post('/contacts/{id}/{action}', { path: { id, action } }, body, { idempotencyKey: newRequestKey() })) as ContactCommandAnswer;
        setProblem(undefined);
        return answer;
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error.problem);
        return undefined;
      } finally {
        sending.current = false;
        setBusy(false);
      }
    },
    [api],
  );

  const start = useCallback(
    async (channel: DeskChannel, line: string) => {
      const started = { id: newRequestKey(), channel, line };
      if (!(await send(started.id, 'start', { channel, line }))) return undefined;
      setContact(started);
      return started;
    },
    [send],
  );

  const record = useCallback(
    (action: Exclude<ContactAction, 'start'>, body: object) => (contact ? send(contact.id, action, body) : Promise.resolve(undefined)),
    [contact, send],
  );

  const end = useCallback(
    async (summary?: string) => {
      if (!contact) return false;
      const ended = await send(contact.id, 'end', { outcome: 'handled', ...(summary ? { summary } : {}) });
      if (ended) setContact(undefined);
      return ended !== undefined;
    },
    [contact, send],
  );

  const noteResident = useCallback((resident: ResidentDetails) => setContact((c) => (c ? { ...c, resident: { ...c.resident, ...resident } } : c)), []);
  const clearProblem = useCallback(() => setProblem(undefined), []);

  return { contact, problem, busy, start, record, end, noteResident, clearProblem };
}
