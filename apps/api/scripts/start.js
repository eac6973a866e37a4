// `npm start`: builds the API when a source file is newer than the build, and the web console when
// a file of apps/web is newer than its build, then runs the API (which serves the console at /console/).
const { spawn } = require('node:child_process');
const { buildWhenStale } = require('./built-api');

const server = spawn(process.execPath, [buildWhenStale({ console: true })], { stdio: 'inherit' });
// Pass stop signals on, so the server finishes in-flight requests and closes the store.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
