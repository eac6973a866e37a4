"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.explainRefusal = explainRefusal;
const policy_rules_1 = require("./policy-rules");
const ticket_machine_1 = require("./ticket-machine");
/** The rule names of a transition's `and([...])` guard, in the order the machine checks them. */
const ruleNames = (guard) => guard?.guards?.filter((g) => typeof g === 'string') ?? [];
const has = (table, name) => Object.prototype.hasOwnProperty.call(table, name);
/**
 * Why the machine refused an event: finds the transition the command was aiming for and
 * the first of its named rules that does not hold, and turns it into a domain error.
 * It reads the machine's own definition; it restates no rule.
 */
function explainRefusal(snapshot, event) {
    const status = snapshot.value;
    const allowed = (0, ticket_machine_1.commandsAcceptedIn)(status);
    const args = { context: snapshot.context, event };
    const candidates = ticket_machine_1.ticketLifecycle.root.states[status].on[event.type] ?? [];
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
        return {
            kind: 'IllegalTransition',
            state: status,
            command: event.type,
            allowed,
            message: `${event.type} is not possible while the ticket is ${status}; possible now: ${allowed.join(', ') || 'nothing (final state)'}`,
        };
    }
    const routeHolds = (name) => !has(policy_rules_1.RESUME_ROUTES, name) || policy_rules_1.RESUME_ROUTES[name](args);
    const aimed = candidates.find((t) => ruleNames(t.guard).every(routeHolds)) ?? candidates[candidates.length - 1];
    for (const name of ruleNames(aimed.guard)) {
        if (has(policy_rules_1.PERMISSION_RULES, name) && !policy_rules_1.PERMISSION_RULES[name].check(args)) {
            const rule = policy_rules_1.PERMISSION_RULES[name];
            const department = snapshot.context.ticket.department ?? snapshot.context.ticket.owningDepartment;
            const whoMay = rule.whoMay.map((w) => 'department' in w ? { role: w.role, department: department ?? 'the ticket’s department' } : { role: w.role });
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
        if (has(policy_rules_1.BUSINESS_RULES, name) && !policy_rules_1.BUSINESS_RULES[name].check(args)) {
            const rule = policy_rules_1.BUSINESS_RULES[name];
            return rule.field === undefined
                ? { kind: 'IllegalTransition', state: status, command: event.type, allowed, rule: name, message: rule.message }
                : { kind: 'InvalidCommand', command: event.type, field: rule.field, message: `${rule.field}: ${rule.message}` };
        }
    }
    throw new Error(`the lifecycle refused ${event.type} in ${status} but no named rule explains why`);
}
//# sourceMappingURL=explain-refusal.js.map