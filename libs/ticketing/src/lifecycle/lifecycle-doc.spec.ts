import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceGeneratedBlocks } from './generated-blocks';
import { lifecycleMermaid, lifecycleRulesTable } from './state-diagram';
import { commandsAcceptedIn, ticketLifecycle } from './ticket-machine';

const doc = readFileSync(join(__dirname, '../../../../docs/lifecycle.md'), 'utf8');

describe('docs/lifecycle.md', () => {
  it('shows the diagram and rule table generated from the machine (run `npm run docs:lifecycle` after changing it)', () => {
    const regenerated = replaceGeneratedBlocks(doc, {
      diagram: '```mermaid\n' + lifecycleMermaid() + '\n```',
      rules: lifecycleRulesTable(),
    });
    expect(doc).toBe(regenerated);
  });

  it('has an edge in the diagram for every command every state accepts', () => {
    for (const state of Object.keys(ticketLifecycle.root.states)) {
      for (const command of commandsAcceptedIn(state as never)) {
        expect(lifecycleMermaid()).toMatch(new RegExp(`^  ${state} --> \\w+: ${command}$`, 'm'));
      }
    }
  });

  it('refuses to regenerate a document without its markers', () => {
    expect(() => replaceGeneratedBlocks('no markers', { diagram: 'x' })).toThrow('missing markers');
  });
});
