import { useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { formatCityTime } from '../../lib/city-time';
import { useSession } from '../../session';
import { AnsweringNow } from './answering-now';
import { RosterExceptionForm, RosterExceptions } from './roster-exceptions';
import { useRoster } from './use-roster';
import { WeeklyRosterEditor, WeeklyRosterTable } from './weekly-roster';

/**
 * A department's phone roster: who answers its main line, as weekly slots over City Hall's hours
 * and the dates that differ, and who answers now. The department's head (or the director) edits
 * it, as the roster's allowedActions say; 311 and the department's staff read it.
 */
export function RosterPage({ department }: { department: string }) {
  const session = useSession();
  const { view, now, problem, send } = useRoster(department);
  // What the last save did, announced in one place for the weekly roster and the exceptions.
  const [said, say] = useState('');
  const name = session.departmentName(department);
  const may = (action: string) => view?.allowedActions.includes(action) ?? false;
  return (
    <>
      <h1>{name} phone roster</h1>
      <ProblemNotice problem={problem} action={`see the ${name} phone roster`} />
      {view && (
        <p className="hint" data-testid="roster-standing">
          {view.roster.status === 'unset'
            ? 'No roster has been set for this line yet.'
            : `Last changed ${formatCityTime(session.catalog.timeZone, view.roster.updatedAt)} by ${view.roster.updatedBy ?? 'unknown'}.`}
        </p>
      )}
      {now && <AnsweringNow line={now} />}
      {view &&
        (may('SetWeeklyRoster') ? (
          <WeeklyRosterEditor roster={view.roster} send={send} say={say} />
        ) : (
          <section aria-labelledby="weekly-heading">
            <h2 id="weekly-heading">Weekly roster</h2>
            <WeeklyRosterTable roster={view.roster} />
          </section>
        ))}
      {view && view.roster.status !== 'unset' && <RosterExceptions roster={view.roster} mayClear={may('ClearRosterException')} send={send} say={say} />}
      {view && may('SetRosterException') && <RosterExceptionForm roster={view.roster} send={send} say={say} />}
      <p role="status" className="hint" data-testid="roster-said">
        {said}
      </p>
    </>
  );
}
