"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lifecycleMermaid = lifecycleMermaid;
exports.lifecycleRulesTable = lifecycleRulesTable;
const ticket_machine_1 = require("./ticket-machine");
/** Every transition of the machine definition, in definition order. */
function lifecycleEdges() {
    return Object.entries(ticket_machine_1.ticketLifecycle.root.states).flatMap(([from, node]) => Object.entries(node.on).flatMap(([command, transitions]) => transitions.map((t) => ({
        from,
        command,
        to: t.target?.[0]?.key ?? from,
        rules: (t.guard?.guards ?? []).filter((g) => typeof g === 'string'),
    }))));
}
/**
 * The lifecycle as a Mermaid state diagram, generated from the machine definition so the
 * documentation cannot drift from the rules (a test compares it with docs/lifecycle.md).
 */
function lifecycleMermaid() {
    const lines = ['stateDiagram-v2', `  [*] --> ${String(ticket_machine_1.ticketLifecycle.config.initial)}`];
    for (const e of lifecycleEdges())
        lines.push(`  ${e.from} --> ${e.to}: ${e.command}`);
    for (const [name, node] of Object.entries(ticket_machine_1.ticketLifecycle.root.states)) {
        if (node.type === 'final')
            lines.push(`  ${name} --> [*]`);
    }
    return lines.join('\n');
}
/** The transitions with the named rules each must satisfy, as a Markdown table. */
function lifecycleRulesTable() {
    const rows = lifecycleEdges().map((e) => `| ${e.from} | ${e.command} | ${e.to} | ${e.rules.map((r) => `\`${r}\``).join(', ')} |`);
    return ['| from | command | to | rules that must hold |', '|---|---|---|---|', ...rows].join('\n');
}
//# sourceMappingURL=state-diagram.js.map