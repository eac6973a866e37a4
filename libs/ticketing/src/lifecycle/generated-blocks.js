"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replaceGeneratedBlocks = replaceGeneratedBlocks;
/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers. */
function replaceGeneratedBlocks(doc, blocks) {
    return Object.entries(blocks).reduce((text, [name, body]) => {
        const start = `<!-- generated:${name} -->`;
        const end = `<!-- /generated:${name} -->`;
        const from = text.indexOf(start);
        const to = text.indexOf(end);
        if (from < 0 || to < from)
            throw new Error(`missing markers ${start} … ${end}`);
        return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
    }, doc);
}
//# sourceMappingURL=generated-blocks.js.map