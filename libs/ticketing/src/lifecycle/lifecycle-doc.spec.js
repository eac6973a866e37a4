"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const generated_blocks_1 = require("./generated-blocks");
const state_diagram_1 = require("./state-diagram");
const ticket_machine_1 = require("./ticket-machine");
const doc = (0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '../../../../docs/lifecycle.md'), 'utf8');
describe('docs/lifecycle.md', () => {
    it('shows the diagram and rule table generated from the machine (run `npm run docs:lifecycle` after changing it)', () => {
        const regenerated = (0, generated_blocks_1.replaceGeneratedBlocks)(doc, {
            diagram: '```mermaid\n' + (0, state_diagram_1.lifecycleMermaid)() + '\n```',
            rules: (0, state_diagram_1.lifecycleRulesTable)(),
        });
        expect(doc).toBe(regenerated);
    });
    it('has an edge in the diagram for every command every state accepts', () => {
        for (const state of Object.keys(ticket_machine_1.ticketLifecycle.root.states)) {
            for (const command of (0, ticket_machine_1.commandsAcceptedIn)(state)) {
                expect((0, state_diagram_1.lifecycleMermaid)()).toMatch(new RegExp(`^  ${state} --> \\w+: ${command}$`, 'm'));
            }
        }
    });
    it('refuses to regenerate a document without its markers', () => {
        expect(() => (0, generated_blocks_1.replaceGeneratedBlocks)('no markers', { diagram: 'x' })).toThrow('missing markers');
    });
});
//# sourceMappingURL=lifecycle-doc.spec.js.map