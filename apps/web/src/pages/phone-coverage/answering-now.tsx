import { formatCityTime } from '../../lib/city-time';
import type { LineNow } from '../../lib/phone-coverage-types';
import { useSession } from '../../session';

/** Who answers the line now: those marked available first (they take a transfer), then those scheduled who have not marked themselves. */
export function AnsweringNow({ line }: { line: LineNow }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  return (
    <section aria-labelledby="now-heading" data-testid="answering-now">
      <h2 id="now-heading">Answering now</h2>
      <p>
        As of {formatCityTime(tz, line.at)}: City Hall is {line.cityHallOpen ? 'open' : 'closed'}.
        {line.answerers.length === 0 && ' Nobody is scheduled on the line or marked available.'}
      </p>
      {line.answerers.length > 0 && (
        <ul>
          {line.answerers.map((a) => (
            <li key={a.staffId}>
              <strong>{a.staffId}</strong>:{' '}
              {a.available ? `available${a.availableUntil ? ` until ${formatCityTime(tz, a.availableUntil)}` : ''}` : 'not marked available'}
              {a.scheduled ? `; scheduled${a.scheduledUntil ? ` until ${formatCityTime(tz, a.scheduledUntil)}` : ''}` : '; not on the roster now'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
