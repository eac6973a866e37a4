import { type FormEvent, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { TableRegion } from '../../components/table-region';
import type { Problem } from '../../lib/api-types';
import type { Roster, WeeklySlot } from '../../lib/phone-coverage-types';
import { problemsByField } from '../../lib/desk-ticket-form';
import { WEEKDAY_NAMES, WEEKDAY_ORDER } from './coverage-words';
import type { RosterCommand } from './roster-commands';
import { draftSlot, type DraftSlot, fieldId, FieldError, SlotRows, weeklySlotsBody } from './slot-rows';

/** The weekly slots by weekday, then start. */
export const inWeekOrder = (slots: readonly WeeklySlot[]): WeeklySlot[] =>
  [...slots].sort((a, b) => WEEKDAY_ORDER.indexOf(a.weekday) - WEEKDAY_ORDER.indexOf(b.weekday) || a.from.localeCompare(b.from));

const draftsOf = (roster: Roster): DraftSlot[] => inWeekOrder(roster.slots).map((slot) => draftSlot(slot));

/** The weekly roster to read: who answers the line each weekday. */
export function WeeklyRosterTable({ roster }: { roster: Roster }) {
  const slots = inWeekOrder(roster.slots);
  return (
    <TableRegion label="Weekly roster">
      <table data-testid="weekly-roster">
        <caption>Who answers the line each weekday (local time)</caption>
        <thead>
          <tr>
            <th scope="col">Weekday</th>
            <th scope="col">Slots</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAY_ORDER.filter((day) => slots.some((s) => s.weekday === day)).map((day) => (
            <tr key={day}>
              <th scope="row">{WEEKDAY_NAMES[day]}</th>
              <td>
                {slots
                  .filter((s) => s.weekday === day)
                  .map((s) => `${s.from}–${s.until} ${s.staffId}`)
                  .join('; ')}
              </td>
            </tr>
          ))}
          {slots.length === 0 && (
            <tr>
              <td colSpan={2}>No weekly slots: nobody is scheduled on the line.</td>
            </tr>
          )}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The weekly roster to keep: its slots, whole, saved in one command; the API's 400 is shown by field, a save said through `say`. */
export function WeeklyRosterEditor({
  roster,
  send,
  say,
}: {
  roster: Roster;
  send: (command: RosterCommand) => Promise<Problem | undefined>;
  say: (said: string) => void;
}) {
  const [rows, setRows] = useState<DraftSlot[]>(() => draftsOf(roster));
  // A new roster (saved here, or reloaded after someone else's change) starts the form from what its stream holds (adjusted while rendering, not in an effect).
  const [rowsOf, setRowsOf] = useState(roster);
  if (rowsOf !== roster) {
    setRowsOf(roster);
    setRows(draftsOf(roster));
  }
  const [refusal, setRefusal] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const errors = problemsByField(refusal);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    say('');
    const problem = await send({ kind: 'weekly', body: { slots: weeklySlotsBody(rows) } });
    setSending(false);
    setRefusal(problem);
    if (!problem) say(`Weekly roster saved: ${rows.length} slot${rows.length === 1 ? '' : 's'}.`);
    const first = problem?.problems?.[0]?.field;
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="weekly-heading" data-testid="weekly-editor">
      <h2 id="weekly-heading">Weekly roster</h2>
      <p className="hint">
        Who answers the line each weekday, in the city’s local time (HH:MM). Saving replaces the whole weekly roster; one person’s slots of a day may not
        overlap.
      </p>
      <ProblemNotice problem={refusal} action="save the weekly roster" subject="roster" />
      <FieldError field="slots" errors={errors} />
      <TableRegion label="Weekly slots">
        <SlotRows name="slots" caption="Weekly slots" rows={rows} weekly errors={errors} onChange={setRows} />
      </TableRegion>
      <div className="actions">
        <button type="button" onClick={() => setRows([...rows, draftSlot({ weekday: rows.at(-1)?.weekday })])}>
          Add a slot
        </button>
        <button type="submit" className="primary" disabled={sending}>
          Save weekly roster
        </button>
      </div>
    </form>
  );
}
