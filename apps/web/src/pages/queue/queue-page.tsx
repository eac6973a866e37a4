import { useEffect } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { may, useSession } from '../../session';
import { FeedStatusLine } from './feed-status';
import { QueueCommandDialog } from './queue-command-dialog';
import { QueueChooser } from './queue-chooser';
import { QueueTable } from './queue-table';
import { QueueToolbar } from './queue-toolbar';
import { useQueue } from './use-queue';
import { useQueueCommands } from './use-queue-commands';
import { useQueueFeed } from './use-queue-feed';

/** A department's queue, kept current by the SSE feed, with claim-next and the work actions for its staff. */
export function QueuePage({ department }: { department: string | undefined }) {
  return department === undefined ? <QueueChooser /> : <DepartmentQueue key={department} department={department} />;
}

function DepartmentQueue({ department }: { department: string }) {
  const session = useSession();
  const { api, me } = session;
  const name = session.departmentName(department);
  const canWork = may.workQueue(me, department);
  const { queue, problem, showProblem, reload, mine, setMine } = useQueue(api, department);
  useEffect(() => {
    document.title = `${name} queue — Switchboard`;
  }, [name]);
  // The feed opens first; its opening loads the queue.
  const feed = useQueueFeed(api, department, reload, showProblem);
  const commands = useQueueCommands(api, department, name, reload);

  return (
    <>
      <div className="page-head">
        <h1>{name} queue</h1>
        <FeedStatusLine status={feed.status} />
      </div>
      {problem && <ProblemNotice problem={problem} action={`see the queue of ${name}`} />}
      <QueueToolbar
        canClaim={canWork}
        claiming={commands.pending.has('claim')}
        onClaim={() => void commands.claim()}
        showMine={me.department === department}
        mine={mine}
        onMine={setMine}
        count={queue?.entries.length}
      />
      {commands.actionProblem && (
        <ProblemNotice problem={commands.actionProblem.problem} action={commands.actionProblem.action} onDismiss={commands.dismissActionProblem} />
      )}
      <p className="message" role="status">
        {commands.message}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {feed.announcement}
      </p>
      {queue && <QueueTable name={name} queue={queue} canWork={canWork} pending={commands.pending} onAct={commands.act} />}
      <QueueCommandDialog commands={commands} entries={queue?.entries} reload={reload} />
    </>
  );
}
