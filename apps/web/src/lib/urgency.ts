import type { QueueEntry } from './api-types';

/** How the row should be flagged: overdue outranks at risk. */
export function urgencyOf(entry: Pick<QueueEntry, 'overdue' | 'atRisk'>): 'overdue' | 'at-risk' | 'ok' {
  if (entry.overdue) return 'overdue';
  if (entry.atRisk) return 'at-risk';
  return 'ok';
}
