import { ticketLifecycle } from './ticket-machine';

/**
 * The lifecycle as a Mermaid state diagram, generated from the machine definition so the
 * documentation cannot drift from the rules (a test compares it with docs/lifecycle.md).
 * Each edge is labelled with the command and the named rules that must hold.
 */
export function lifecycleMermaid(): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${ticketLifecycle.config.initial as string}`];
  for (const [name, node] of Object.entries(ticketLifecycle.root.states)) {
    for (const [command, transitions] of Object.entries(node.on)) {
      for (const t of transitions) {
        const target = t.target?.[0]?.key ?? name;
        const rules = ((t.guard as { guards?: unknown[] } | undefined)?.guards ?? []).filter((g) => typeof g === 'string');
        lines.push(`  ${name} --> ${target}: ${command}${rules.length ? ` [${rules.join(', ')}]` : ''}`);
      }
    }
    if (node.type === 'final') lines.push(`  ${name} --> [*]`);
  }
  return lines.join('\n');
}
