import { useEffect } from 'react';
import { Link } from '../../components/link';
import { useSession } from '../../session';

/** The list of queues, for those who may see every department's (the director, 311 operators). */
export function QueueChooser() {
  const { catalog } = useSession();
  useEffect(() => {
    document.title = 'Queues — Switchboard';
  }, []);
  return (
    <>
      <h1>Department queues</h1>
      <ul className="queue-list">
        {catalog.departments.map((d) => (
          <li key={d.id}>
            <Link to={`/departments/${encodeURIComponent(d.id)}/queue`}>{d.name}</Link>
            {d.mainLineRoutedTo311 && <span className="tag">main line routed to 311</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
