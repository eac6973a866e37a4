import { setup } from 'xstate';
import { guardsOf, when } from '../shared/lifecycle';
import { CONTACT_BUSINESS_RULES, CONTACT_PERMISSION_RULES, type ContactContext, type ContactMachineEvent, type ContactRuleName } from './contact-rules';
import type { ContactStatus } from './contact-state';

const to = (target: ContactStatus, ...rules: ContactRuleName[]) => when(target, ...rules);
const byTheOperator = (...rules: ContactRuleName[]) => to('open', 'onlyTheOperatorWhoTookAContactRecordsOnIt', ...rules);
const completeCallback = (self: ContactStatus) => to(self, 'callbacksAreMadeByOperatorsTheCallbackDepartmentOrTheDirector', 'onlyAPromisedCallbackIsCompleted');

/**
 * The contact lifecycle: open while the operator handles it, then ended. An ended contact is a
 * closed record of what was said and done; only a callback promised in it can still be completed.
 */
export const contactLifecycle = setup({
  types: { context: {} as ContactContext, events: {} as ContactMachineEvent, input: {} as ContactContext },
  guards: guardsOf({ permissions: CONTACT_PERMISSION_RULES, business: CONTACT_BUSINESS_RULES }),
}).createMachine({
  id: 'contact',
  initial: 'unstarted',
  context: ({ input }) => input,
  states: {
    unstarted: {
      description: 'No history yet: the id is free.',
      on: { StartContact: to('open', 'operatorsTakeContacts') },
    },
    open: {
      description: 'The operator is handling it: what they do is recorded in order.',
      on: {
        IdentifyResident: byTheOperator(),
        RecordArticleUsed: byTheOperator(),
        LinkTicket: byTheOperator('aTicketIsLinkedOnce'),
        TransferContact: byTheOperator(),
        PromiseCallback: byTheOperator('aCallbackNeedsAWayToReachTheResident'),
        RecordSearch: byTheOperator(),
        CompleteCallback: completeCallback('open'),
        EndContact: to('ended', 'onlyTheOperatorWhoTookAContactRecordsOnIt'),
      },
    },
    ended: {
      description: 'Over; only its promised callbacks can still be completed.',
      on: { CompleteCallback: completeCallback('ended') },
    },
  },
});
