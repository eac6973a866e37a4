// `npm start`: builds the API when a source file is newer than the build, then runs it.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const BUILT = 'dist/apps/api/src/main.js';
const SOURCES = ['apps/api/src', 'libs/ticketing/src', 'libs/event-store/src', 'libs/read-models/src', 'libs/ticket-service/src', 'apps/api/tsconfig.app.json', 'tsconfig.base.json'];

/** Newest modification time under a file or folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(BUILT) || Math.max(...SOURCES.map(newest)) > statSync(BUILT).mtimeMs) {
  console.log('Building the API (nest build api)...');
  const build = spawnSync('npx', ['nest', 'build', 'api'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, [BUILT], { stdio: 'inherit' });
// Pass stop signals on, so the server finishes in-flight requests and closes the store.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
