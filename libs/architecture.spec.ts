import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

// The layer rules of docs/architecture.md, read off the imports of every source file. It runs
// over the product code (each app's and lib's src/, spec files left out): tests, benchmarks and
// scripts may reach further (a browser test starts the API).

const ROOT = resolve(__dirname, '..');
const LIBS = ['ticketing', 'event-store', 'read-models', 'command-handling', 'knowledge', 'outbound', 'attachments'] as const;
type Lib = (typeof LIBS)[number];

/** Which of our libraries each library may import. */
const LIB_MAY_IMPORT: Record<Lib, readonly Lib[]> = {
  ticketing: [],
  'event-store': [],
  'read-models': ['event-store', 'ticketing', 'knowledge'],
  'command-handling': ['event-store', 'ticketing', 'knowledge'],
  knowledge: ['ticketing'],
  outbound: ['event-store', 'ticketing', 'read-models', 'knowledge', 'command-handling'],
  attachments: ['ticketing'],
};

interface Import {
  readonly from: string;
  readonly specifier: string;
  /** The file it names, for our own modules (relative or @switchboard/*). */
  readonly target?: string;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(spec|test|e2e\.spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const productFiles = (): string[] =>
  [...readdirSync(join(ROOT, 'apps')).map((app) => join(ROOT, 'apps', app, 'src')), ...LIBS.map((lib) => join(ROOT, 'libs', lib, 'src'))].flatMap(sourceFiles);

function resolveModule(from: string, specifier: string): string | undefined {
  const lib = /^@switchboard\/([\w-]+)$/.exec(specifier);
  if (lib) return join(ROOT, 'libs', lib[1], 'src', 'index.ts');
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base.replace(/\.js$/, '.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? base;
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => ({ from: file, specifier: fileName, target: resolveModule(file, fileName) }));
}

/** Where a file lives: `apps/<name>` or `libs/<name>`. */
const homeOf = (file: string): string => relative(ROOT, file).split(sep).slice(0, 2).join('/');
const show = (i: Import) => `${relative(ROOT, i.from)} imports '${i.specifier}'`;

/** Every import that breaks a layer rule, as sentences. */
export function layerViolations(imports: readonly Import[]): string[] {
  const broken: string[] = [];
  for (const i of imports) {
    const from = homeOf(i.from);
    const usesLib = /^@switchboard\/([\w-]+)$/.exec(i.specifier)?.[1];
    const to = i.target ? homeOf(i.target) : undefined;
    if (from === 'apps/web') {
      if (usesLib || (to && to !== 'apps/web')) broken.push(`${show(i)}: the console talks to the API over HTTP only and imports nothing of ours`);
      continue;
    }
    if (to?.startsWith('apps/') && to !== from) broken.push(`${show(i)}: an app never imports another app`);
    if (from.startsWith('libs/')) {
      const lib = from.slice('libs/'.length) as Lib;
      if (to?.startsWith('apps/')) broken.push(`${show(i)}: a library never imports an app`);
      const other = usesLib ?? (to?.startsWith('libs/') && to !== from ? to.slice('libs/'.length) : undefined);
      if (other && other !== lib && !LIB_MAY_IMPORT[lib]?.includes(other as Lib)) {
        broken.push(`${show(i)}: ${lib} may import ${LIB_MAY_IMPORT[lib]?.join(', ') || 'nothing of ours'}`);
      }
    } else if (to?.startsWith('libs/') && !usesLib) {
      broken.push(`${show(i)}: an app reaches a library through its index ('@switchboard/<lib>'), not its files`);
    }
  }
  return broken;
}

/** Import cycles among our files (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const i of imports) if (i.target && existsSync(i.target)) edges.set(i.from, [...(edges.get(i.from) ?? []), i.target]);
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || edges.get(node)?.includes(node)) cycles.push(component.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const node of edges.keys()) if (!indexOf.has(node)) visit(node);
  return cycles;
}

describe('architecture', () => {
  const imports = productFiles().flatMap(importsOf);

  it('reads the imports of every app and library', () => {
    for (const home of ['apps/api', 'apps/cli', 'apps/projector', 'apps/web', ...LIBS.map((lib) => `libs/${lib}`)]) {
      expect(imports.some((i) => homeOf(i.from) === home)).toBe(true);
    }
  });

  it('keeps the layer rules: apps → libs only, no app imports an app, each library only what it may, the console nothing of ours', () => {
    expect(layerViolations(imports)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(imports)).toEqual([]);
  });

  it('would notice a broken rule and a cycle', () => {
    const at = (path: string) => join(ROOT, path);
    const fake = (from: string, specifier: string, target?: string): Import => ({ from: at(from), specifier, target: target && at(target) });
    expect(
      layerViolations([
        fake('libs/ticketing/src/a.ts', '@switchboard/event-store', 'libs/event-store/src/index.ts'),
        fake('libs/event-store/src/a.ts', '../../ticketing/src/b', 'libs/ticketing/src/b.ts'),
        fake('apps/cli/src/a.ts', '../../api/src/b', 'apps/api/src/b.ts'),
        fake('apps/web/src/a.ts', '@switchboard/ticketing', 'libs/ticketing/src/index.ts'),
        fake('apps/api/src/a.ts', '../../../libs/read-models/src/x', 'libs/read-models/src/x.ts'),
        fake('libs/read-models/src/a.ts', '@switchboard/command-handling', 'libs/command-handling/src/index.ts'),
      ]),
    ).toHaveLength(6);
    const a = 'libs/ticketing/src/lifecycle/ticket-machine.ts';
    const b = 'libs/ticketing/src/lifecycle/policy-rules.ts';
    expect(importCycles([fake(a, './policy-rules', b), fake(b, './ticket-machine', a)])).toEqual([[b, a].sort()]);
  });
});
