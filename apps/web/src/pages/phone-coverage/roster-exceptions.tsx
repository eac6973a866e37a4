import { type FormEvent, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { TableRegion } from '../../components/table-region';
import type { Problem } from '../../lib/api-types';
import { problemsByField } from '../../lib/desk-ticket-form';
import type { Roster } from '../../lib/phone-coverage-types';
import type { RosterCommand } from './roster-commands';
import { dateSlotsBody, describedBy, draftSlot, type DraftSlot, fieldId, FieldError, SlotRows } from './slot-rows';

type Send = (command: RosterCommand) => Promise<Problem | undefined>;
/** Says what was saved, in the page's status region. */
type Say = (said: string) => void;

/** The dates that differ from the weekly roster, each cleared back to it when the caller may. */
export function RosterExceptions({ roster, mayClear, send, say }: { roster: Roster; mayClear: boolean; send: Send; say: Say }) {
  const [refusal, setRefusal] = useState<Problem>();
  const clear = async (date: string) => {
    say('');
    const problem = await send({ kind: 'clear', date });
    setRefusal(problem);
    if (!problem) say(`${date} follows the weekly roster again.`);
  };
  const exceptions = [...roster.exceptions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">Dates that differ</h2>
      <ProblemNotice problem={refusal} action="clear the exception" subject="roster" />
      <TableRegion label="Dates that differ from the weekly roster">
        <table data-testid="roster-exceptions">
          <caption>Sick days, leave and cover: how each date differs from the weekly roster</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Away</th>
              <th scope="col">Answering besides</th>
              <th scope="col">Reason</th>
              {mayClear && (
                <th scope="col">
                  <span className="visually-hidden">Clear</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {exceptions.length === 0 && (
              <tr>
                <td colSpan={mayClear ? 5 : 4}>Every date follows the weekly roster.</td>
              </tr>
            )}
            {exceptions.map((e) => (
              <tr key={e.date}>
                <th scope="row">{e.date}</th>
                <td>{e.away.join(', ') || 'nobody'}</td>
                <td>{e.extra.map((s) => `${s.from}–${s.until} ${s.staffId}`).join('; ') || 'nobody'}</td>
                <td>{e.reason ?? ''}</td>
                {mayClear && (
                  <td>
                    <button type="button" onClick={() => void clear(e.date)}>
                      Clear<span className="visually-hidden"> the exception of {e.date}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** A date's exception to set: who of the weekly roster is away, who answers besides, and why; the API's 400 is shown by field. */
export function RosterExceptionForm({ roster, send, say }: { roster: Roster; send: Send; say: Say }) {
  const staff = [...new Set(roster.slots.map((s) => s.staffId))].sort();
  const [date, setDate] = useState('');
  const [away, setAway] = useState<readonly string[]>([]);
  const [extra, setExtra] = useState<DraftSlot[]>([]);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<Problem>();
  const errors = problemsByField(refusal);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    say('');
    const body = { away: [...away], extra: dateSlotsBody(extra), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const problem = await send({ kind: 'exception', date: date.trim(), body });
    setRefusal(problem);
    const first = problem?.problems?.[0]?.field;
    if (first) document.getElementById(fieldId(first))?.focus();
    if (problem) return;
    say(`The exception of ${date} is saved.`);
    setDate('');
    setAway([]);
    setExtra([]);
    setReason('');
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="exception-heading" data-testid="exception-form">
      <h3 id="exception-heading">Set a date’s exception</h3>
      <ProblemNotice problem={refusal} action="save the exception" subject="roster" />
      <div className="field">
        <label htmlFor={fieldId('date')}>Date</label>
        <input
          id={fieldId('date')}
          className="roster-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={errors.has('date') || undefined}
          aria-describedby={describedBy(errors, 'date')}
        />
        <FieldError field="date" errors={errors} />
      </div>
      <fieldset id={fieldId('away')} tabIndex={-1} aria-describedby={describedBy(errors, 'away')}>
        <legend>Away that date</legend>
        {staff.length === 0 && <p className="hint">Nobody is on the weekly roster.</p>}
        {staff.map((id) => {
          // The API names an away entry by its place in the list sent (away[0]): the order they were ticked.
          const field = `away[${away.indexOf(id)}]`;
          return (
            <div key={id} className="roster-check">
              <input
                id={fieldId(`away-of-${id}`)}
                type="checkbox"
                checked={away.includes(id)}
                onChange={(e) => setAway(e.target.checked ? [...away, id] : away.filter((a) => a !== id))}
                aria-describedby={describedBy(errors, field)}
              />
              <label htmlFor={fieldId(`away-of-${id}`)}>{id}</label>
              <FieldError field={field} errors={errors} />
            </div>
          );
        })}
        <FieldError field="away" errors={errors} />
      </fieldset>
      <TableRegion label="Answering besides">
        <SlotRows name="extra" caption="Answering besides (cover)" rows={extra} weekly={false} errors={errors} onChange={setExtra} />
      </TableRegion>
      <FieldError field="extra" errors={errors} />
      <div className="field">
        <label htmlFor={fieldId('reason')}>Reason (optional)</label>
        <input
          id={fieldId('reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.has('reason') || undefined}
          aria-describedby={describedBy(errors, 'reason')}
        />
        <FieldError field="reason" errors={errors} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => setExtra([...extra, draftSlot()])}>
          Add a cover slot
        </button>
        <button type="submit" className="primary">
          Save exception
        </button>
      </div>
    </form>
  );
}
