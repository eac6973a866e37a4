// Regenerates the generated blocks of docs/lifecycle.md from the lifecycle machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lifecycleMermaid, lifecycleRulesTable } from '../src/lifecycle/state-diagram';
import { replaceGeneratedBlocks } from '../src/lifecycle/generated-blocks';

const file = join(__dirname, '../../../docs/lifecycle.md');
writeFileSync(
  file,
  replaceGeneratedBlocks(readFileSync(file, 'utf8'), { diagram: '```mermaid\n' + lifecycleMermaid() + '\n```', rules: lifecycleRulesTable() }),
);
console.log(`wrote ${file}`);
