import { CommandDialog } from '../../components/command-dialog';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { statusInWords } from '../../lib/words';
import { useSession } from '../../session';
import { TicketActions } from './ticket-actions';
import { TicketDetails } from './ticket-details';
import { TicketPhotos } from './ticket-photos';
import { TicketTimeline } from './ticket-timeline';
import { useTicket } from './use-ticket';
import { useTicketCommands } from './use-ticket-commands';

/** A ticket: what it is now, the commands the signed-in person may give, and its whole audit timeline. */
export function TicketPage({ ticketId }: { ticketId: string }) {
  const session = useSession();
  const { ticket, history, problem, load } = useTicket(session.api, ticketId);
  const commands = useTicketCommands(session.api, ticketId, ticket?.revision, load);

  if (problem) {
    return (
      <>
        <h1>Ticket {ticketId}</h1>
        <ProblemNotice problem={problem} action={`see ticket ${ticketId}`} />
      </>
    );
  }
  if (!ticket || !history) return <p aria-busy="true">Loading ticket {ticketId}…</p>;

  const overdue = ticket.overdueSince !== undefined || (ticket.dueAt !== undefined && Date.parse(ticket.dueAt) < session.now().getTime());
  const department = ticket.department ?? ticket.owningDepartment;
  const { dialog } = commands;
  return (
    <>
      <div className="page-head">
        <h1>
          Ticket {ticket.ticketId ?? ticketId} <span className={`status status-${ticket.status}`}>{statusInWords(ticket.status)}</span>
          {overdue && <span className="badge badge-overdue">Overdue</span>}
        </h1>
        {department && <Link to={`/departments/${encodeURIComponent(department)}/queue`}>{session.departmentName(department)} queue</Link>}
      </div>
      <TicketDetails ticket={ticket} department={department} />
      <TicketPhotos ticket={ticket} onAttached={() => void load()} />
      <TicketActions
        allowedCommands={ticket.allowedCommands}
        sending={commands.sending}
        onAct={(spec) => void commands.act(spec)}
        actionProblem={commands.actionProblem}
        onDismissProblem={commands.dismissActionProblem}
        message={commands.message}
      />
      <TicketTimeline history={history} />
      {dialog && (
        <CommandDialog
          spec={dialog}
          ticketId={ticketId}
          revision={ticket.revision}
          onDone={commands.dialogDone}
          onStale={() => void load()}
          onClose={commands.closeDialog}
        />
      )}
    </>
  );
}
