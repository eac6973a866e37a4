import { formatCityTime } from '../../lib/city-time';
import { useSession } from '../../session';
import type { Loaded } from './use-dashboard-data';

/** Which moment the figures are of: live, or a past moment as of (what had happened) or as known at (what was recorded). */
export function AsOfBanner({ past, busy, loaded }: { past: boolean; busy: boolean; loaded: Loaded | undefined }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  return (
    <p className={`as-of-banner${past ? ' past' : ''}`} role="status" data-testid="as-of" aria-busy={busy}>
      {busy
        ? 'Loading…'
        : loaded
          ? past
            ? loaded.range.moment === 'knownAt'
              ? `As known at ${formatCityTime(tz, loaded.range.asOf ?? '')}: what the system had recorded by then, as the dashboard showed it.`
              : `As of ${formatCityTime(tz, loaded.range.asOf ?? '')}: everything that had happened by then, history imported later included.`
            : `Live figures as of ${formatCityTime(tz, loaded.range.asOf ?? session.now())}.`
          : ''}
    </p>
  );
}
