import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import type { ArticleView, KnowledgeHit } from '../../lib/api-types';
import { DESK_CHANNELS, type DeskChannel } from '../../lib/desk-types';
import { useSession } from '../../session';
import { DeskAnswer } from './desk-answer';
import { DeskLookup } from './desk-lookup';
import { DeskSearch } from './desk-search';
import { DeskTicketForm, type TicketOutcome } from './desk-ticket-form';
import { DeskTransfer } from './desk-transfer';
import { Shortcut, useDeskShortcuts, type DeskShortcut } from './shortcuts';
import { useDeskContact } from './use-desk-contact';

type Work =
  | { kind: 'search' }
  | { kind: 'ticket'; service: string }
  | { kind: 'transfer'; department: string | undefined }
  | { kind: 'lookup' }
  | { kind: 'callback'; department: string; service: string; note: string };

/**
 * The call-taker's desk (`/console/desk`): a contact is started, then answered from the knowledge
 * base, a ticket is opened (or linked to an open one), or the resident is transferred — each by
 * keyboard with the shortcuts on screen; what happened is announced in the status line.
 */
export function DeskPage() {
  const session = useSession();
  const { catalog, me } = session;
  const mayLookUp = me.may.residentLookUp;
  const desk = useDeskContact(session.api);
  const { contact } = desk;
  const [channel, setChannel] = useState<DeskChannel>('phone');
  const [line, setLine] = useState('311');
  const [chosen, setChosen] = useState<KnowledgeHit>();
  const [article, setArticle] = useState<ArticleView>();
  const [work, setWork] = useState<Work>({ kind: 'search' });
  const [announcement, setAnnouncement] = useState('');
  const [lastTicket, setLastTicket] = useState<TicketOutcome>();
  const searchBox = useRef<HTMLInputElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const answerHeading = useRef<HTMLHeadingElement>(null);

  const lines = [
    { id: '311', name: '311' },
    ...catalog.departments.filter((d) => d.mainLineRoutedTo311).map((d) => ({ id: d.id, name: `${d.name} line (routed to 311)` })),
  ];

  useEffect(() => startButton.current?.focus(), []);
  // A contact just started: the search box, where the resident's question goes.
  const openContact = contact?.id;
  useEffect(() => {
    if (openContact) searchBox.current?.focus();
  }, [openContact]);

  const reset = useCallback(() => {
    setChosen(undefined);
    setArticle(undefined);
    setWork({ kind: 'search' });
  }, []);

  const start = async () => {
    if (contact) return setAnnouncement('A contact is open: end it first (Alt+Q).');
    const started = await desk.start(channel, channel === 'phone' ? line : '311');
    if (!started) return;
    reset();
    setLastTicket(undefined);
    setAnnouncement(`Contact started (${DESK_CHANNELS.find((c) => c.value === channel)?.label}). Type the resident’s question.`);
  };

  const ended = (what: string) => {
    reset();
    setAnnouncement(`${what} Contact ended. Alt+N starts the next one.`);
    requestAnimationFrame(() => startButton.current?.focus());
  };

  const answered = async () => {
    if (!contact || !chosen || chosen.kind !== 'article' || !article) return setAnnouncement('Open an answer first: search, then Enter.');
    if (!(await desk.record('article', { articleId: chosen.ref, language: chosen.language }))) return;
    if (await desk.end(`Answered: ${chosen.title}`)) ended(`Answered from “${chosen.title}”.`);
  };

  const choose = (hit: KnowledgeHit) => {
    setChosen(hit);
    setArticle(undefined);
    if (hit.kind === 'service') {
      setWork({ kind: 'ticket', service: hit.ref });
      setAnnouncement(`Opening a ticket: ${hit.title}.`);
    } else {
      setWork({ kind: 'search' });
      setAnnouncement(`Answer: ${hit.title}. Alt+A when answered.`);
      requestAnimationFrame(() => answerHeading.current?.focus());
    }
  };

  const serviceOfTheConversation = (): string | undefined => (chosen?.kind === 'service' ? chosen.ref : article?.article.content?.serviceCodes[0]);

  const openTicket = () => {
    if (!contact) return setAnnouncement('Start a contact first (Alt+N).');
    setWork({ kind: 'ticket', service: serviceOfTheConversation() ?? catalog.departments.flatMap((d) => d.services)[0].code });
  };

  const transfer = () => {
    if (!contact) return setAnnouncement('Start a contact first (Alt+N).');
    setWork({ kind: 'transfer', department: article?.article.content?.transferDepartment ?? chosen?.ownerDepartment ?? undefined });
  };

  const lookUp = () => {
    if (!contact) return setAnnouncement('Start a contact first (Alt+N).');
    if (!mayLookUp) return setAnnouncement('Looking residents up is for 311 and the director.');
    setWork({ kind: 'lookup' });
  };

  const transferred = async (department: string, reached: boolean, note: string) => {
    if (!(await desk.record('transfer', { department, reached, ...(note.trim() ? { note: note.trim() } : {}) }))) return;
    const name = session.departmentName(department);
    if (reached) {
      if (await desk.end(`Transferred to ${name}`)) ended(`Transferred to ${name}.`);
      return;
    }
    // The callback is a ticket in the department's queue: of the service the call is about when the
    // department owns it (a service the catalog routes on open is assigned to it by the open), else
    // the 311 office's first service, which the desk assigns to the department (docs/console.md).
    const about = serviceOfTheConversation();
    const owned = catalog.departments.find((d) => d.id === department)?.services.some((s) => s.code === about);
    const service = owned && about ? about : (catalog.departments.find((d) => d.id === '311')?.services[0]?.code ?? about ?? '');
    setWork({ kind: 'callback', department, service, note: `Call back: the resident asked for ${name}. ${note.trim()}`.trim() });
    setAnnouncement(`Nobody answered at ${name}. Fill in the callback ticket.`);
  };

  const ticketDone = (outcome: TicketOutcome) => {
    setLastTicket(outcome);
    setWork({ kind: 'search' });
    setAnnouncement(
      outcome.sameAs
        ? `Linked to ticket ${outcome.ticketId} as the same problem. Alt+Q ends the contact.`
        : outcome.callbackDueBy
          ? `Callback ticket ${outcome.ticketId} is in the department’s queue. Alt+Q ends the contact.`
          : `Ticket ${outcome.ticketId} opened. Alt+Q ends the contact.`,
    );
    requestAnimationFrame(() => document.getElementById('desk-end')?.focus());
  };

  const endContact = async () => {
    if (!contact) return;
    if (await desk.end(lastTicket ? `Ticket ${lastTicket.ticketId}` : undefined)) ended('');
  };

  useDeskShortcuts((shortcut: DeskShortcut) => {
    if (desk.busy) return;
    if (shortcut === 'new contact') void start();
    else if (shortcut === 'search') searchBox.current?.focus();
    else if (shortcut === 'answered') void answered();
    else if (shortcut === 'open a ticket') openTicket();
    else if (shortcut === 'transfer') transfer();
    else if (shortcut === 'end the contact') void endContact();
    else if (shortcut === 'look up the resident') lookUp();
  });

  return (
    <div className="desk">
      <div className="page-head">
        <h1>Desk</h1>
        <p className="hint" id="desk-keys">
          Shortcuts: <Shortcut keys="Alt+N" /> new contact, <Shortcut keys="Alt+S" /> search, <Shortcut keys="Alt+A" /> answered, <Shortcut keys="Alt+T" /> open
          a ticket, <Shortcut keys="Alt+X" /> transfer,{' '}
          {mayLookUp && (
            <>
              <Shortcut keys="Alt+L" /> look up the resident,{' '}
            </>
          )}
          <Shortcut keys="Alt+Q" /> end the contact.
        </p>
      </div>
      <p role="status" className="message" data-testid="desk-status">
        {announcement}
      </p>
      <ProblemNotice problem={desk.problem} action="record this on the contact" subject="contact" onDismiss={desk.clearProblem} />

      <section aria-labelledby="desk-contact-heading" className="desk-contact">
        <h2 id="desk-contact-heading">{contact ? 'Contact open' : 'New contact'}</h2>
        {contact ? (
          <div className="inline">
            <span data-testid="contact-open" data-contact={contact.id}>
              {DESK_CHANNELS.find((c) => c.value === contact.channel)?.label}
              {contact.channel === 'phone' ? `, ${lines.find((l) => l.id === contact.line)?.name ?? contact.line}` : ''}
            </span>
            <button type="button" id="desk-end" onClick={() => void endContact()} disabled={desk.busy} aria-keyshortcuts="Alt+Q">
              End the contact <Shortcut keys="Alt+Q" />
            </button>
            <button type="button" onClick={openTicket} aria-keyshortcuts="Alt+T">
              Open a ticket <Shortcut keys="Alt+T" />
            </button>
            <button type="button" onClick={transfer} aria-keyshortcuts="Alt+X">
              Transfer <Shortcut keys="Alt+X" />
            </button>
            {mayLookUp && (
              <button type="button" onClick={lookUp} aria-keyshortcuts="Alt+L">
                Look up the resident <Shortcut keys="Alt+L" />
              </button>
            )}
          </div>
        ) : (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <div className="field">
              <label htmlFor="desk-channel">Channel</label>
              <select id="desk-channel" value={channel} onChange={(e) => setChannel(e.target.value as DeskChannel)}>
                {DESK_CHANNELS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            {channel === 'phone' && (
              <div className="field">
                <label htmlFor="desk-line">Line dialled</label>
                <select id="desk-line" value={line} onChange={(e) => setLine(e.target.value)}>
                  {lines.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <button type="submit" className="primary" ref={startButton} disabled={desk.busy} aria-keyshortcuts="Alt+N">
              Start the contact <Shortcut keys="Alt+N" />
            </button>
          </form>
        )}
        {lastTicket && (
          <p data-testid="last-ticket">
            {lastTicket.sameAs ? 'Linked to' : 'Opened'} ticket <Link to={`/tickets/${encodeURIComponent(lastTicket.ticketId)}`}>{lastTicket.ticketId}</Link>
            {lastTicket.callbackDueBy && `, callback due ${new Date(lastTicket.callbackDueBy).toLocaleString('en-US', { timeZone: catalog.timeZone })}`}.
            {lastTicket.photoProblem && ` The photo was not attached: ${lastTicket.photoProblem} Attach another on the ticket’s page.`}
          </p>
        )}
      </section>

      {contact && (
        <div className="desk-work">
          <DeskSearch key={contact.id} ref={searchBox} contactId={contact.id} onChoose={choose} />
          {work.kind === 'search' && chosen?.kind === 'article' && (
            <DeskAnswer ref={answerHeading} hit={chosen} article={article} onLoaded={setArticle} onAnswered={() => void answered()} busy={desk.busy} />
          )}
          {work.kind === 'ticket' && (
            <DeskTicketForm key={`t-${work.service}`} contact={contact} desk={desk} initialService={work.service} onDone={ticketDone} />
          )}
          {work.kind === 'transfer' && (
            <DeskTransfer initialDepartment={work.department} busy={desk.busy} onTransferred={(d, r, n) => void transferred(d, r, n)} />
          )}
          {work.kind === 'lookup' && (
            <DeskLookup
              key={`l-${contact.id}`}
              contactId={contact.id}
              onFound={(resident) => {
                desk.noteResident(resident);
                setAnnouncement('Look-up recorded. Alt+T opens a ticket with these details.');
              }}
            />
          )}
          {work.kind === 'callback' && (
            <DeskTicketForm
              key={`c-${work.department}`}
              contact={contact}
              desk={desk}
              initialService={work.service}
              callbackTo={work.department}
              initialDescription={work.note}
              onDone={ticketDone}
            />
          )}
        </div>
      )}
    </div>
  );
}
