import type { DomainError } from '../decide/domain-errors';
import type { TicketStatus } from '../model/ticket-state';
import type { LifecycleEvent } from './machine-types';
import type { LifecycleSnapshot } from './lifecycle-snapshot';
import { BUSINESS_RULES, PERMISSION_RULES, type PermissionRuleName, ROUTES, responsibleDepartment } from './policy-rules';
import { commandsAcceptedIn, ruleNames, ticketLifecycle } from './ticket-machine';

const has = <T extends object>(table: T, name: string): name is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(table, name);

/**
 * Why the machine refused an event: finds the transition the command was aiming for and
 * the first of its named rules that does not hold, and turns it into a domain error.
 * It reads the machine's own definition; it restates no rule.
 */
export function explainRefusal(snapshot: LifecycleSnapshot, event: LifecycleEvent): DomainError {
  const status = snapshot.value as TicketStatus;
  const allowed = commandsAcceptedIn(status);
  const args = { context: snapshot.context, event };
  const on = ticketLifecycle.root.states[status].on;
  const candidates = Object.hasOwn(on, event.type) ? on[event.type] : [];

  if (status === 'unopened' && event.type !== 'OpenTicket') {
    return {
      kind: 'NotFound',
      command: event.type,
      what: 'ticket',
      id: event.ticketId,
      message: `ticket ${event.ticketId} does not exist`,
    };
  }
  if (candidates.length === 0) {
    // Permission before state: a caller who may not issue this command in any state is told
    // so, not shown the ticket's state and what others could do with it.
    const neverAllowed = refusedEverywhere(snapshot, event);
    if (neverAllowed) return forbidden(neverAllowed, snapshot, event);
    return {
      kind: 'IllegalTransition',
      state: status,
      command: event.type,
      allowed,
      message: `${event.type} is not possible while the ticket is ${status}; possible now: ${allowed.join(', ') || 'nothing (final state)'}`,
    };
  }

  const routeHolds = (name: string) => !has(ROUTES, name) || ROUTES[name](args);
  const aimed = candidates.find((t) => ruleNames(t.guard).every(routeHolds)) ?? candidates[candidates.length - 1];
  for (const name of ruleNames(aimed.guard)) {
    if (has(PERMISSION_RULES, name) && !PERMISSION_RULES[name].check(args)) return forbidden(name, snapshot, event);
    if (has(BUSINESS_RULES, name) && !BUSINESS_RULES[name].check(args)) {
      const rule = BUSINESS_RULES[name];
      return rule.field === undefined
        ? { kind: 'IllegalTransition', state: status, command: event.type, allowed, rule: name, message: rule.message }
        : { kind: 'InvalidCommand', command: event.type, field: rule.field, message: `${rule.field}: ${rule.message}` };
    }
  }
  throw new Error(`the lifecycle refused ${event.type} in ${status} but no named rule explains why`);
}

/**
 * The first permission rule of this command that leaves the caller out in every state it is
 * possible in, judged by its who-may table (role, and department as the ticket's); undefined
 * when the caller is among those who may issue it somewhere in the lifecycle.
 */
function refusedEverywhere(snapshot: LifecycleSnapshot, event: LifecycleEvent): PermissionRuleName | undefined {
  const department = responsibleDepartment(snapshot.context.ticket);
  const admits = (name: PermissionRuleName) =>
    PERMISSION_RULES[name].whoMay.some((w) => w.role === event.actor.role && (!('department' in w) || event.actor.department === department));
  let first: PermissionRuleName | undefined;
  for (const state of Object.values(ticketLifecycle.root.states)) {
    const transitions = Object.hasOwn(state.on, event.type) ? state.on[event.type] : [];
    for (const transition of transitions) {
      const excluding = ruleNames(transition.guard).find((name): name is PermissionRuleName => has(PERMISSION_RULES, name) && !admits(name));
      if (excluding === undefined) return undefined;
      first ??= excluding;
    }
  }
  return first;
}

/** The Forbidden error for a permission rule: who asked, and who may. */
function forbidden(name: PermissionRuleName, snapshot: LifecycleSnapshot, event: LifecycleEvent): DomainError {
  const rule = PERMISSION_RULES[name];
  const department = responsibleDepartment(snapshot.context.ticket);
  const whoMay = rule.whoMay.map((w) => ('department' in w ? { role: w.role, department: department ?? 'the ticket’s department' } : { role: w.role }));
  return {
    kind: 'Forbidden',
    command: event.type,
    rule: name,
    whoMay,
    message: `${event.actor.role} ${event.actor.id} may not ${event.type} on this ticket; who may: ${whoMay
      .map((w) => ('department' in w ? `${w.role} of ${w.department}` : w.role))
      .join(', ')}`,
  };
}
