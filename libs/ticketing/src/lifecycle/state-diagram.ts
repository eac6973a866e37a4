import { ruleNames, ticketLifecycle } from './ticket-machine';

interface Edge {
  readonly from: string;
  readonly command: string;
  readonly to: string;
  readonly rules: readonly string[];
}

/** Every transition of the machine definition, in definition order. */
function lifecycleEdges(): Edge[] {
  return Object.entries(ticketLifecycle.root.states).flatMap(([from, node]) =>
    Object.entries(node.on).flatMap(([command, transitions]) =>
      transitions.map((t) => ({
        from,
        command,
        to: t.target?.[0]?.key ?? from,
        rules: ruleNames(t.guard),
      })),
    ),
  );
}

/**
 * The lifecycle as a Mermaid state diagram, generated from the machine definition so the
 * documentation cannot drift from the rules (a test compares it with docs/lifecycle.md).
 */
export function lifecycleMermaid(): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${String(ticketLifecycle.config.initial)}`];
  for (const e of lifecycleEdges()) lines.push(`  ${e.from} --> ${e.to}: ${e.command}`);
  for (const [name, node] of Object.entries(ticketLifecycle.root.states)) {
    if (node.type === 'final') lines.push(`  ${name} --> [*]`);
  }
  return lines.join('\n');
}

/** The transitions with the named rules each must satisfy, as a Markdown table. */
export function lifecycleRulesTable(): string {
  const rows = lifecycleEdges().map((e) => `| ${e.from} | ${e.command} | ${e.to} | ${e.rules.map((r) => `\`${r}\``).join(', ')} |`);
  return ['| from | command | to | rules that must hold |', '|---|---|---|---|', ...rows].join('\n');
}
