import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import type { MyAvailability } from '../../lib/phone-coverage-types';
import { problemInWords } from '../../lib/plain-words';
import { useSession } from '../../session';

/**
 * The signed-in staff member's mark on their department's line, in the header: available (until
 * they mark away, or the local day ends) or away. Shown to whoever the availability rules let mark
 * themselves (the API's allowedActions), so the console restates no rule.
 */
export function AvailabilityToggle() {
  const session = useSession();
  const { api } = session;
  const [mine, setMine] = useState<MyAvailability>();
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);

  const fetchMine = useCallback(async (): Promise<MyAvailability | Problem> => {
    try {
      return await api.get('/staff/me/availability', {});
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      return error.problem;
    }
  }, [api]);
  const show = useCallback((answer: MyAvailability | Problem) => {
    if ('error' in answer) return setProblem(answer);
    setMine(answer);
    setProblem(undefined);
  }, []);
  useEffect(() => {
    void fetchMine().then(show);
  }, [fetchMine, show]);

  if (!mine)
    return problem ? (
      <span role="status" className="availability">
        Your availability could not be read: {problemInWords(problem, { action: 'read your availability' })}
      </span>
    ) : null;
  if (mine.allowedActions.length === 0 && !mine.available) return null;
  const line = session.departmentName(mine.department ?? session.me.department ?? '');
  const mark = async (status: 'available' | 'away') => {
    setSending(true);
    try {
      await api.post('/staff/me/availability', {}, { status });
      show(await fetchMine());
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    } finally {
      setSending(false);
    }
  };
  const next = mine.available ? 'away' : 'available';
  return (
    <div className="availability" data-testid="availability">
      <span role="status">
        {mine.available
          ? `${line} line: available until ${formatCityTime(session.catalog.timeZone, mine.until)}`
          : `${line} line: ${mine.status === 'away' ? 'away' : 'not marked available'}`}
        {problem ? ` — ${problemInWords(problem, { action: 'mark your availability' })}` : ''}
      </span>
      {mine.allowedActions.includes(next === 'available' ? 'MarkAvailable' : 'MarkAway') && (
        <button type="button" onClick={() => void mark(next)} disabled={sending}>
          {next === 'available' ? 'Mark me available' : 'Mark me away'}
        </button>
      )}
    </div>
  );
}
