// `npm start`: builds the API when a source file is newer than the build, and the web console when
// a file of apps/web is newer than its build, then runs the API (which serves the console at /console/).
const { spawn, spawnSync } = require('node:child_process');
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

if (stale(BUILT, SOURCES)) run('the API', 'npx', ['nest', 'build', 'api']);
if (existsSync(CONSOLE_SOURCES) && stale(CONSOLE_BUILT, [CONSOLE_SOURCES])) run('the web console', 'npm', ['run', 'build:web']);
const server = spawn(process.execPath, [BUILT], { stdio: 'inherit' });
// Pass stop signals on, so the server finishes in-flight requests and closes the store.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
