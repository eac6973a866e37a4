import type { Callback, ContactState } from '../contacts/contact-state';
import { durationSummary, HOUR_MS, type MetricsRange, rowsOf, share } from './metrics-range';

/**
 * Transfers by department: of the contacts started in the period, how many were transferred to
 * the department (`transferRate` = transferred ÷ all contacts of the period), and of the
 * transfers to it, how many reached someone (`reachedRate` = reached ÷ transfers).
 */
export function transferFigures(contacts: readonly ContactState[], range: MetricsRange) {
  const startOf = (c: ContactState) => c.startedAt;
  const totals = new Map(
    rowsOf(
      contacts,
      range,
      startOf,
      () => ['all'],
      (rows) => ({ contacts: rows.length }),
    ).map((row) => [row.period, row.contacts]),
  );
  const transfersTo = (department: string) => (contact: ContactState) => contact.steps.filter((s) => s.kind === 'transfer' && s.department === department);
  return rowsOf(
    contacts,
    range,
    startOf,
    (c) => c.steps.flatMap((s) => (s.kind === 'transfer' ? [s.department] : [])),
    (rows, department, period) => {
      const transfers = rows.flatMap(transfersTo(department));
      const reached = transfers.filter((t) => t.kind === 'transfer' && t.reached).length;
      const all = totals.get(period) ?? 0;
      return {
        contacts: all,
        transferred: rows.length,
        transfers: transfers.length,
        reached,
        transferRate: share(rows.length, all),
        reachedRate: share(reached, transfers.length),
      };
    },
  );
}

/**
 * Callbacks by the department that promised to call back, in the period they were promised:
 * promised, completed (by `to`), reached, still open, late (completed after, or open past, their
 * due time), and the time from promise to completion in hours.
 */
export function callbackFigures(contacts: readonly ContactState[], range: MetricsRange) {
  const callbacks = contacts.flatMap((c) => c.callbacks);
  const end = range.to.getTime();
  const doneBy = (c: Callback) => c.completedAt !== undefined && Date.parse(c.completedAt) < end;
  const late = (c: Callback) => c.dueBy !== undefined && (doneBy(c) ? Date.parse(c.completedAt!) > Date.parse(c.dueBy) : end > Date.parse(c.dueBy));
  return rowsOf(
    callbacks,
    range,
    (c) => c.promisedAt,
    (c) => [c.department],
    (rows) => {
      const completed = rows.filter(doneBy);
      const { samples, median, p90 } = durationSummary(
        completed.map((c) => Date.parse(c.completedAt!) - Date.parse(c.promisedAt)),
        HOUR_MS,
      );
      return {
        promised: rows.length,
        completed: completed.length,
        reached: completed.filter((c) => c.reached).length,
        open: rows.length - completed.length,
        late: rows.filter(late).length,
        timeToComplete: { samples, medianHours: median, p90Hours: p90 },
      };
    },
  );
}
