import type { CompletionFigures, GroupBy } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { QueryForbidden } from '../errors/api-exceptions';

/** Which groups of a completion report the caller may see: all of them, or the rows that are its department's. */
export type FigureFilter = (figures: CompletionFigures) => boolean;

/**
 * The director sees every group. A department head sees their own department (groupBy=department)
 * and the services it owns (groupBy=service); channels mix every department, so they are the
 * director's alone. Everyone else is refused.
 */
export function completionFiguresFor(actor: Actor, groupBy: GroupBy, catalog: ServiceCatalog): FigureFilter {
  if (actor.role === 'director') return () => true;
  const head = actor.role === 'department_head' ? actor.department : undefined;
  if (head !== undefined && groupBy === 'department') return (figures) => figures.group === head;
  if (head !== undefined && groupBy === 'service') return (figures) => catalog.service(figures.group)?.department === head;
  throw new QueryForbidden(
    'CompletionMetricsAreForTheDirectorAndDepartmentHeads',
    [{ role: 'director' }, { role: 'department_head' }],
    head !== undefined
      ? 'Department heads see completion metrics grouped by department or by service; grouping by channel is for the director.'
      : 'Completion metrics are for the director and department heads.',
  );
}
