import { formatCityTime } from '../../lib/city-time';
import { useSession } from '../../session';
import type { Loaded } from './use-dashboard-data';

/** Which moment the figures are of: live, or as known at a past moment (replayed from the log). */
export function AsOfBanner({ past, busy, loaded }: { past: boolean; busy: boolean; loaded: Loaded | undefined }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  return (
    <p className={`as-of-banner${past ? ' past' : ''}`} role="status" data-testid="as-of" aria-busy={busy}>
      {busy
        ? 'Loading…'
        : loaded
          ? past
            ? `As known at ${formatCityTime(tz, loaded.range.asOf ?? '')}: replayed from the event log, later events left out.`
            : `Live figures as of ${formatCityTime(tz, loaded.range.asOf ?? session.now())}.`
          : ''}
    </p>
  );
}
