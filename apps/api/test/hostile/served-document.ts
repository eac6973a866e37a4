import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
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

/** A holder's liveness is looked at this often (a run cut short leaves its lock behind, and no event says so). */
const HOLDER_CHECK_MS = 1_000;
/** A lock without its holder's pid after this long was left half made. */
const HALF_MADE_LOCK_MS = 10_000;

/**
 * Starts collecting what the @nestjs/swagger compiler plugin adds to the built app (DTO schemas,
 * descriptions): Jest runs the sources through SWC, without the plugin. Runs the plugin in a child
 * process, alongside whatever the test does meanwhile, unless the sources are unchanged since the
 * last run. One file of several started at once collects (it holds a lock directory); the others
 * wait for its result to be moved into place.
 */
export async function collectPluginMetadata(): Promise<() => Promise<Record<string, any>>> {
  const dir = join(CACHE, sourceDigest());
  const file = join(dir, 'metadata.ts');
  mkdirSync(CACHE, { recursive: true });
  while (!existsSync(file)) {
    const lock = `${dir}.lock`;
    if (takeLock(lock)) {
      try {
        if (!existsSync(file)) await collectInto(dir);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    } else await movedOrUnlocked(file, lock);
  }
  // The metadata file imports the DTOs by relative path: the same modules the app runs.
  return require(file).default as () => Promise<Record<string, any>>;
}

/** Creates the lock directory with this process's pid in it; false while another live process holds it (a dead one's is removed and taken). */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (holderAlive(lock)) return false;
    rmSync(lock, { recursive: true, force: true });
    return takeLock(lock);
  }
}

/** True while the process that wrote the lock's pid runs (or the lock is just being made). */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    let made: number;
    try {
      made = statSync(lock).mtimeMs;
    } catch {
      return false; // removed meanwhile
    }
    return Date.now() - made < HALF_MADE_LOCK_MS;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs the plugin into a scratch directory beside `dir` (imports are relative to it), then moves it in whole. */
async function collectInto(dir: string): Promise<void> {
  const scratch = mkdtempSync(join(CACHE, 'tmp-'));
  await promisify(execFile)(process.execPath, [join(__dirname, 'write-plugin-metadata.mjs'), scratch], { maxBuffer: 16 * 1024 * 1024 });
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
}

/** Resolves when the cache directory changes and `file` is there or `lock` is gone (its holder finished or failed), or the holder has died. */
function movedOrUnlocked(file: string, lock: string): Promise<void> {
  return new Promise((resolve) => {
    const over = () => existsSync(file) || !existsSync(lock);
    const done = () => {
      watcher.close();
      clearInterval(holder);
      resolve();
    };
    const watcher = watch(CACHE, () => {
      if (over()) done();
    });
    const holder = setInterval(() => {
      if (over() || !holderAlive(lock)) done();
    }, HOLDER_CHECK_MS);
    // Moved before the watch began.
    if (over()) done();
  });
}

/**
 * The OpenAPI document the app serves at /docs-json (the same builder, apiDocument), as the built
 * app has it: with the compiler plugin's metadata loaded first.
 */
export async function servedDocument(app: NestFastifyApplication, metadata: Promise<() => Promise<Record<string, any>>>): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(await metadata);
  return apiDocument(app);
}
