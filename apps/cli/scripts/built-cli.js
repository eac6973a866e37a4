// The CLI's build, dist/apps/cli/src (`npm run build:cli`, i.e. `nest build cli`, with the libraries
// it uses). `switchboard` runs it and builds it first when it is missing or older than a source file,
// so a fresh clone needs only `npm ci`. Messages and the compiler's output go to stderr: stdout
// carries data (exports, reports).
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '../../..');
const BUILT = join(ROOT, 'dist/apps/cli/src');
const ENTRY = join(BUILT, 'main.js');
/** What apps/cli/tsconfig.app.json leaves out of the build, so that editing a test rebuilds nothing. */
const LEFT_OUT = /^(node_modules|testing)$|\.(spec|test)\.ts$|-fixtures\.ts$/;

/** What the build compiles (the CLI and every library) and the settings it compiles them with. */
const sources = () => [
  'apps/cli/src',
  ...readdirSync(join(ROOT, 'libs')).map((lib) => join('libs', lib, 'src')),
  'apps/cli/tsconfig.app.json',
  'tsconfig.base.json',
  'nest-cli.json',
];

/** Newest modification time of a file, or of the files under a folder that the build reads. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const names = readdirSync(path).filter((name) => !LEFT_OUT.test(name));
  return Math.max(0, ...names.map((name) => newest(join(path, name))));
}

/** Whether the build is missing or older than one of its sources. */
const stale = () => !existsSync(ENTRY) || Math.max(...sources().map((source) => newest(join(ROOT, source)))) > statSync(ENTRY).mtimeMs;

/** The built CLI's folder, built first when it is missing or stale; throws with what to do when it cannot be. */
function builtCli() {
  if (!stale()) return BUILT;
  const nest = join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  if (!existsSync(nest)) throw new Error('the CLI needs building and the Nest CLI is not installed: run `npm ci`, then `npm run build:cli`.');
  process.stderr.write('switchboard: building the CLI (npm run build:cli)...\n');
  const build = spawnSync(process.execPath, [nest, 'build', 'cli'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    // tsc writes its output despite type errors: without this, the next run would take it for a good build.
    rmSync(ENTRY, { force: true });
    throw new Error('the build failed (see above); fix it, or run `npm run build:cli` to see it again.');
  }
  return BUILT;
}

module.exports = { builtCli };
