import { Link } from '../../components/link';
import { type Column, SortableTable } from '../../components/sortable-table';
import type { ArticleUse, CallbackFigures, TransferFigures } from '../../lib/api-types';
import { hours, percent } from '../../lib/words';
import { useSession } from '../../session';

/** Transfers and callbacks by the department they went to, and the articles most answered from, over the range. */
export function DepartmentFiguresSection({
  transfers,
  callbacks,
  topArticles,
}: {
  transfers: readonly TransferFigures[];
  callbacks: readonly CallbackFigures[];
  topArticles: readonly ArticleUse[];
}) {
  const session = useSession();
  const department = { key: 'department', label: 'Department', value: (r: { group: string }) => session.departmentName(r.group) };
  const transferColumns: Column<TransferFigures>[] = [
    department,
    { key: 'transferred', label: 'Contacts transferred', value: (r) => r.transferred, numeric: true },
    { key: 'transferRate', label: 'Transfer rate', value: (r) => r.transferRate, render: (r) => percent(r.transferRate), numeric: true },
    { key: 'transfers', label: 'Transfers', value: (r) => r.transfers, numeric: true },
    { key: 'reached', label: 'Reached someone', value: (r) => r.reached, numeric: true },
    { key: 'reachedRate', label: 'Reached rate', value: (r) => r.reachedRate, render: (r) => percent(r.reachedRate), numeric: true },
  ];
  const callbackColumns: Column<CallbackFigures>[] = [
    department,
    { key: 'promised', label: 'Promised', value: (r) => r.promised, numeric: true },
    { key: 'completed', label: 'Completed', value: (r) => r.completed, numeric: true },
    { key: 'reached', label: 'Resident reached', value: (r) => r.reached, numeric: true },
    { key: 'open', label: 'Still open', value: (r) => r.open, numeric: true },
    { key: 'late', label: 'Late', value: (r) => r.late, numeric: true },
    {
      key: 'median',
      label: 'Median to complete',
      value: (r) => r.timeToComplete.medianHours,
      render: (r) => hours(r.timeToComplete.medianHours),
      numeric: true,
    },
    { key: 'p90', label: '90th pct to complete', value: (r) => r.timeToComplete.p90Hours, render: (r) => hours(r.timeToComplete.p90Hours), numeric: true },
  ];
  const articleColumns: Column<ArticleUse>[] = [
    {
      key: 'article',
      label: 'Article',
      value: (r) => r.articleId,
      render: (r) => <Link to={`/knowledge/${encodeURIComponent(r.articleId)}`}>{r.articleId}</Link>,
    },
    { key: 'contacts', label: 'Contacts answered from it', value: (r) => r.contacts, numeric: true },
    { key: 'uses', label: 'Uses', value: (r) => r.uses, numeric: true },
  ];
  return (
    <section aria-labelledby="department-figures-heading">
      <h2 id="department-figures-heading">Transfers, callbacks and articles used</h2>
      <SortableTable
        caption="Transfers by department: the transfer rate is over every contact of the range, the reached rate over the transfers to the department"
        columns={transferColumns}
        rows={transfers}
        rowKey={(r) => r.group}
        initialSort={{ key: 'transferred', descending: true }}
        testId="transfers-table"
      />
      <SortableTable
        caption="Callbacks promised in the range, by the department that calls back; time from promise to completion in hours"
        columns={callbackColumns}
        rows={callbacks}
        rowKey={(r) => r.group}
        initialSort={{ key: 'promised', descending: true }}
        testId="callbacks-table"
      />
      <SortableTable
        caption="Articles operators answered from most"
        columns={articleColumns}
        rows={topArticles}
        rowKey={(r) => r.articleId}
        initialSort={{ key: 'contacts', descending: true }}
        testId="articles-table"
      />
    </section>
  );
}
