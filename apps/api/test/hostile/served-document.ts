import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { apiDocument } from '../../src/docs/api-docs';

const ROOT = join(__dirname, '../../../..');
/**
 * Collected metadata by a digest of what it depends on: unchanged sources are not compiled again.
 * Outside node_modules, which Jest does not transform.
 */
const CACHE = join(tmpdir(), 'switchboard-openapi-metadata');

/** The sources the compiler plugin reads (the API and the libraries its DTOs import), its options and its version. */
function sourceDigest(): string {
  // The checkout's place too: the metadata imports its files by relative path.
  const hash = createHash('sha256').update(ROOT);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'apps/api/src'));
  for (const lib of readdirSync(join(ROOT, 'libs'))) if (existsSync(join(ROOT, 'libs', lib, 'src'))) walk(join(ROOT, 'libs', lib, 'src'));
  hash.update(readFileSync(join(ROOT, 'nest-cli.json'))).update(readFileSync(join(ROOT, 'node_modules/@nestjs/swagger/package.json')));
  hash.update(readFileSync(join(__dirname, 'write-plugin-metadata.mjs')));
  return hash.digest('hex').slice(0, 24);
}

/**
 * Starts collecting what the @nestjs/swagger compiler plugin adds to the built app (DTO schemas,
 * descriptions): Jest runs the sources through SWC, without the plugin. Runs the plugin in a child
 * process, alongside whatever the test does meanwhile, unless the sources are unchanged since the
 * last run.
 */
export async function collectPluginMetadata(): Promise<() => Promise<Record<string, any>>> {
  const dir = join(CACHE, sourceDigest());
  const file = join(dir, 'metadata.ts');
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    // Written beside its final place (imports are relative to it), then moved in whole.
    const scratch = mkdtempSync(join(CACHE, 'tmp-'));
    await promisify(execFile)(process.execPath, [join(__dirname, 'write-plugin-metadata.mjs'), scratch], { maxBuffer: 16 * 1024 * 1024 });
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  }
  // The metadata file imports the DTOs by relative path: the same modules the app runs.
  return require(file).default as () => Promise<Record<string, any>>;
}

/**
 * The OpenAPI document the app serves at /docs-json (the same builder, apiDocument), as the built
 * app has it: with the compiler plugin's metadata loaded first.
 */
export async function servedDocument(app: NestFastifyApplication, metadata: Promise<() => Promise<Record<string, any>>>): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(await metadata);
  return apiDocument(app);
}
