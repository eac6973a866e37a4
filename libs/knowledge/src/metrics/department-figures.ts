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
      return transferFiguresOf(totals.get(period) ?? 0, rows.length, transfers.length, reached);
    },
  );
}

/** `transferFigures`' figures for one department and period from its counts and the period's contacts. */
export const transferFiguresOf = (contacts: number, transferred: number, transfers: number, reached: number) => ({
  contacts,
  transferred,
  transfers,
  reached,
  transferRate: share(transferred, contacts),
  reachedRate: share(reached, transfers),
});

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
      return callbackFiguresOf(
        rows.length,
        completed.filter((c) => c.reached).length,
        rows.filter(late).length,
        completed.map((c) => Date.parse(c.completedAt!) - Date.parse(c.promisedAt)),
      );
    },
  );
}

/** `callbackFigures`' figures for one department and period from its counts and the completed callbacks' times to complete in ms. */
export function callbackFiguresOf(promised: number, reached: number, late: number, completedMs: ArrayLike<number>) {
  const { samples, median, p90 } = durationSummary(completedMs, HOUR_MS);
  return {
    promised,
    completed: completedMs.length,
    reached,
    open: promised - completedMs.length,
    late,
    timeToComplete: { samples, medianHours: median, p90Hours: p90 },
  };
}
