// The API's build (dist/apps/api, `nest build api`) and the web console's (dist/apps/web), each built
// again when a source file is newer than it: `npm start` runs the API from it, and so does the
// reports bench (its RSS is then the API's, not a TypeScript hook's).
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const BUILT = 'dist/apps/api/src/main.js';
const SOURCES = [
  'apps/api/src',
  'libs/ticketing/src',
  'libs/event-store/src',
  'libs/read-models/src',
  'libs/command-handling/src',
  'libs/knowledge/src',
  'libs/outbound/src',
  'libs/attachments/src',
  'apps/api/tsconfig.app.json',
  'tsconfig.base.json',
];
const CONSOLE_SOURCES = 'apps/web';
const CONSOLE_BUILT = 'dist/apps/web/index.html';

/** Newest modification time under a file or folder (node_modules left out). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((name) => name !== 'node_modules')
      .map((name) => newest(join(path, name))),
  );
}

/** Whether `built` is missing or older than the newest file under any of `sources`. */
const stale = (built, sources) => !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;

function run(what, command, args) {
  console.log(`Building ${what} (${[command, ...args].join(' ')})...`);
  const build = spawnSync(command, args, { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Builds the API (and, with `console`, the web console) when missing or older than a source; returns the API's entry file. */
function buildWhenStale({ console: withConsole = false } = {}) {
  if (stale(BUILT, SOURCES)) run('the API', 'npx', ['nest', 'build', 'api']);
  if (withConsole && existsSync(CONSOLE_SOURCES) && stale(CONSOLE_BUILT, [CONSOLE_SOURCES])) run('the web console', 'npm', ['run', 'build:web']);
  return BUILT;
}

module.exports = { buildWhenStale, BUILT };
