import { useEffect } from 'react';
import { Link } from '../components/link';
import { navigate } from '../lib/router';
import { may, useSession } from '../session';
import { landsOnTheDesk } from './desk/who-takes-contacts';

/** The start page sends each role where its work is: the desk (operators), the dashboard, the own queue, or the list of queues. */
export function HomePage() {
  const { me } = useSession();
  const target = landsOnTheDesk(me)
    ? '/desk'
    : may.seeDashboard(me)
      ? '/dashboard'
      : me.department
        ? `/departments/${me.department}/queue`
        : may.seeAnyQueue(me)
          ? '/queues'
          : undefined;
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  return target ? null : (
    <p>
      Nothing to show for your role. Look up a ticket by its number above, or <Link to="/queues">see the queues</Link>.
    </p>
  );
}
