import { Link } from '../../components/link';
import { type Column, SortableTable } from '../../components/sortable-table';
import type { CoverageDay } from '../../lib/phone-coverage-types';
import { useSession } from '../../session';
import { gapInWords, minutesInWords } from './coverage-words';

/** A figure that is a gap in coverage, marked in words and not by colour alone. */
function Flagged({ count, children }: { count: number; children: string }) {
  return count > 0 ? <strong className="coverage-gap">{children}</strong> : <>{children}</>;
}

/** The report by department and day: City Hall minutes with nobody scheduled or available, transfers that reached nobody, late callbacks, and when the gaps were. */
export function CoverageTable({ days }: { days: readonly CoverageDay[] }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  const columns: Column<CoverageDay>[] = [
    {
      key: 'department',
      label: 'Department',
      value: (d) => session.departmentName(d.department),
      render: (d) => <Link to={`/departments/${encodeURIComponent(d.department)}/roster`}>{session.departmentName(d.department)}</Link>,
    },
    { key: 'date', label: 'Date', value: (d) => d.date, render: (d) => <span className="coverage-date">{d.date}</span> },
    { key: 'open', label: 'City Hall open', value: (d) => d.cityHallMinutes, render: (d) => minutesInWords(d.cityHallMinutes), numeric: true },
    {
      key: 'unscheduled',
      label: 'Nobody scheduled',
      value: (d) => d.unscheduledMinutes,
      render: (d) => <Flagged count={d.unscheduledMinutes}>{minutesInWords(d.unscheduledMinutes)}</Flagged>,
      numeric: true,
    },
    {
      key: 'unavailable',
      label: 'Nobody available',
      value: (d) => d.unavailableMinutes,
      render: (d) => <Flagged count={d.unavailableMinutes}>{minutesInWords(d.unavailableMinutes)}</Flagged>,
      numeric: true,
    },
    {
      key: 'gaps',
      label: 'Gaps (local time)',
      value: (d) => d.gaps.length,
      render: (d) =>
        d.gaps.length === 0 ? (
          'none'
        ) : (
          <ul className="coverage-gaps">
            {d.gaps.map((gap) => (
              <li key={`${gap.kind}-${gap.from}`}>{gapInWords(tz, gap)}</li>
            ))}
          </ul>
        ),
    },
    {
      key: 'notReached',
      label: 'Transfers to nobody',
      value: (d) => d.transfersNotReached,
      render: (d) => <Flagged count={d.transfersNotReached}>{`${d.transfersNotReached} of ${d.transfers}`}</Flagged>,
      numeric: true,
    },
    {
      key: 'late',
      label: 'Callbacks late',
      value: (d) => d.callbacksLate,
      render: (d) => <Flagged count={d.callbacksLate}>{String(d.callbacksLate)}</Flagged>,
      numeric: true,
    },
  ];
  return (
    <SortableTable
      caption="Phone coverage by department and day; gaps in bold"
      columns={columns}
      rows={days}
      rowKey={(d) => `${d.department}-${d.date}`}
      initialSort={{ key: 'unscheduled', descending: true }}
      testId="coverage-table"
    />
  );
}
