import type { EventStore } from '@switchboard/event-store';
import {
  type ContactCommand,
  type ContactEvent,
  type ContactState,
  contactStream,
  decideContact,
  evolveContact,
  initialContactState,
  notFound,
} from '@switchboard/knowledge';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { CommandRefused } from '../command-errors';
import { type LoadedRecord, type RecordCommandResult, type StreamAggregate, StreamCommandHandler } from '../stream-command-handler';
import type { CommandMeta } from '../ticket-command-handler';

/** Contacts as the pipeline handles them: `contact-<id>` streams, folded and decided by the contact domain. */
export const contactAggregate: StreamAggregate<ContactCommand, ContactState, ContactEvent> & { readonly statusOf: (state: ContactState) => string } = {
  name: 'Contact',
  codec: contactStream,
  initial: initialContactState,
  evolve: evolveContact,
  decide: decideContact,
  idOf: (command) => command.contactId,
  statusOf: (state) => state.status,
};

/** Whether an article an operator says they answered from is one the knowledge base has (the read side knows). */
export type ArticleExists = (articleId: string) => Promise<boolean>;

/**
 * The contact command pipeline: the stream pipeline, plus the one check the contact decider leaves
 * to it because it knows no other record: an article used must exist in the knowledge base.
 */
export class ContactCommandHandler {
  private readonly pipeline: StreamCommandHandler<ContactCommand, ContactState, ContactEvent>;

  constructor(
    store: EventStore,
    private readonly catalog: ServiceCatalog,
    private readonly now: () => Date,
    private readonly articleExists: ArticleExists,
    keys: ResidentKeyStore,
  ) {
    this.pipeline = new StreamCommandHandler(store, contactAggregate, catalog, now, keys);
  }

  load(contactId: string): Promise<LoadedRecord<ContactState, ContactEvent>> {
    return this.pipeline.load(contactId);
  }

  /**
   * Executes a contact command; throws CommandRefused, RevisionMismatch, IdempotencyKeyReused. An
   * article used is looked up only when the domain would record it (a retry, a refusal of who may
   * or of the state, and a bad field answer as they would without it), and an unknown one is
   * refused as NotFound `article`.
   */
  async execute(command: ContactCommand, meta: CommandMeta): Promise<RecordCommandResult> {
    if (command.type === 'RecordArticleUsed' && (await this.wouldRecord(command, meta)) && !(await this.articleExists(command.articleId))) {
      throw new CommandRefused(notFound(command.type, 'article', command.articleId));
    }
    return this.pipeline.execute(command, meta);
  }

  private async wouldRecord(command: ContactCommand, meta: CommandMeta): Promise<boolean> {
    const contact = await this.pipeline.load(command.contactId);
    if (contact.steps.some((step) => step.event?.metadata.commandId === meta.commandId)) return false;
    return decideContact(command, contact.state, { now: this.now(), actor: meta.actor, commandId: meta.commandId, catalog: this.catalog }).ok;
  }
}

/** The contact command pipeline on a store, with the catalog contacts are checked against, the clock, and the knowledge base's articles. */
export const contactCommandHandler = (
  store: EventStore,
  catalog: ServiceCatalog,
  now: () => Date,
  articleExists: ArticleExists,
  keys: ResidentKeyStore,
): ContactCommandHandler => new ContactCommandHandler(store, catalog, now, articleExists, keys);
