import type { Callback, ContactState, ContactStep } from '../contacts/contact-state';

/** A folded contact for metric specs: what the figures read, nothing more. */
export function contact(fields: Partial<ContactState> & { contactId: string; startedAt: string }): ContactState {
  return { status: fields.endedAt ? 'ended' : 'open', channel: 'phone', line: '311', operatorId: 'op-ana', steps: [], callbacks: [], ...fields };
}

export const used = (articleId: string, at: string): ContactStep => ({ kind: 'article_used', articleId, at });
export const ticket = (ticketId: string, at: string, relation: 'opened' | 'enquired' = 'opened'): ContactStep => ({ kind: 'ticket', ticketId, relation, at });
export const transfer = (department: string, reached: boolean, at: string): ContactStep => ({ kind: 'transfer', department, reached, at });
export const callback = (fields: Callback): Callback => fields;
