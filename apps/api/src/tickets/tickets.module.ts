import { Module } from '@nestjs/common';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { ContactsModule } from '../contacts/contacts.module';
import { AssignTicketController } from './assigning/assign-ticket.controller';
import { TicketHistoryController } from './auditing/ticket-history.controller';
import { CloseTicketController } from './closing/close-ticket.controller';
import { ticketCommandHandlerProvider } from './command-handling/ticket-command-handler.provider';
import { CommentOnTicketController } from './commenting/comment-on-ticket.controller';
import { CompleteTicketController } from './completing/complete-ticket.controller';
import { EscalateTicketController } from './escalating/escalate-ticket.controller';
import { PutTicketOnHoldController } from './holding/put-ticket-on-hold.controller';
import { OpenTicketController } from './opening/open-ticket.controller';
import { TicketOpener } from './opening/ticket-opener';
import { ChangePriorityController } from './prioritizing/change-priority.controller';
import { TicketReader } from './reading/ticket-reader';
import { ReopenTicketController } from './reopening/reopen-ticket.controller';
import { ResumeTicketController } from './resuming/resume-ticket.controller';
import { StartWorkController } from './starting/start-work.controller';
import { ViewTicketController } from './viewing/view-ticket.controller';

/** Ticket commands (one slice per use case) and the queries answered from a ticket's own stream. */
@Module({
  imports: [ContactsModule],
  controllers: [
    OpenTicketController,
    AssignTicketController,
    StartWorkController,
    PutTicketOnHoldController,
    ResumeTicketController,
    EscalateTicketController,
    CommentOnTicketController,
    ChangePriorityController,
    CompleteTicketController,
    ReopenTicketController,
    CloseTicketController,
    ViewTicketController,
    TicketHistoryController,
  ],
  providers: [ticketCommandHandlerProvider, TicketOpener, TicketReader],
  // One pipeline per process: its per-ticket lock only serialises commands that share it.
  exports: [TicketCommandHandler, TicketOpener],
})
export class TicketsModule {}
