// Runs the @nestjs/swagger compiler plugin over the API's sources, as `nest build` does (with the
// plugin options of nest-cli.json), and writes what it collects as a metadata file for
// SwaggerModule.loadPluginMetadata: the OpenAPI document the built app serves, DTO schemas
// included, for a test that runs the sources without the plugin. Plain node, as a child process:
// TypeScript loads much faster here than inside Jest.
//
//   node apps/api/test/hostile/write-plugin-metadata.mjs <output directory>
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { PluginMetadataPrinter } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-printer.js';

const outputDir = resolve(process.argv[2] ?? '.');
const root = resolve(import.meta.dirname, '../../../..');
const nestCli = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
const api = nestCli.projects.api;
const plugin = api.compilerOptions.plugins.find((entry) => (typeof entry === 'string' ? entry : entry.name) === '@nestjs/swagger');
const options = typeof plugin === 'string' ? {} : (plugin.options ?? {});

const program = ReadonlyVisitor.createTsProgram(join(root, api.compilerOptions.tsConfigPath));
// Import paths are written relative to the output directory and left in source form (no dist/ rebasing).
const visitor = new ReadonlyVisitor({ ...options, pathToSource: outputDir, outDir: root, rootDir: root });
for (const sourceFile of program.getSourceFiles()) {
  if (!sourceFile.isDeclarationFile) visitor.visit(program, sourceFile);
}
new PluginMetadataPrinter().print({ [visitor.key]: visitor.collect() }, visitor.typeImports, { outputDir, filename: 'metadata.ts' }, ts);
