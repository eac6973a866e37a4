import type { ContactCommand } from '../contacts/contact-commands';
import type { ContactEvent } from '../contacts/contact-events';
import type { Resident } from '../contacts/contact-values';
import { type ContactState, initialContactState } from '../contacts/contact-state';
import { decideContact } from '../contacts/decide-contact';
import { foldContact } from '../contacts/evolve-contact';
import { deciderSpec, type SpecCommandOf, type SpecStep } from './decider-spec';
import { demoCatalog, people } from './demo-catalog';

export const CONTACT_ID = 'C-7K2M9Q';
export type ContactSpecCommand = SpecCommandOf<ContactCommand, 'contactId'>;

/** Given/when/then for the contact lifecycle, on the demo catalog. */
export const givenContact = deciderSpec<ContactCommand, ContactState, ContactEvent, 'contactId'>({
  decide: decideContact,
  fold: foldContact,
  initial: initialContactState,
  idField: 'contactId',
  id: CONTACT_ID,
  catalog: demoCatalog,
  start: '2026-11-02T14:00:00.000Z',
});

const by = people.operator;

/** Reusable histories (the operator Ana takes the call). */
export const contactSteps = {
  start: (resident?: Resident): SpecStep<ContactSpecCommand> => ({
    command: { type: 'StartContact', channel: 'phone', line: 'TREASURER', ...(resident ? { resident } : {}) },
    by,
  }),
  identify: (): SpecStep<ContactSpecCommand> => ({ command: { type: 'IdentifyResident', resident: { name: 'Rosa Diaz', phone: '(978) 555-0199' } }, by }),
  article: (articleId = 'excise-tax-bill'): SpecStep<ContactSpecCommand> => ({ command: { type: 'RecordArticleUsed', articleId }, by }),
  promise: (): SpecStep<ContactSpecCommand> => ({ command: { type: 'PromiseCallback', department: 'TREASURER', dueBy: '2026-11-03T21:00:00Z' }, by }),
  end: (): SpecStep<ContactSpecCommand> => ({ command: { type: 'EndContact', outcome: 'handled' }, by }),
};
