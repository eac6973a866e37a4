#!/usr/bin/env node
// `switchboard`: runs the CLI's build (dist/apps/cli), building it first when it is missing or older
// than its sources (apps/cli/scripts/built-cli.js), so a fresh clone needs only `npm ci`.
const { join } = require('node:path');
const { builtCli } = require('../scripts/built-cli');

function run() {
  let built;
  try {
    built = builtCli();
  } catch (error) {
    process.stderr.write(`switchboard: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  // A reader that stops early (`switchboard --help | head`) closes the pipe: the output ends there, without a crash.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  // Stack traces (SWITCHBOARD_DEBUG=1) name the TypeScript sources, not the build.
  if (process.env.SWITCHBOARD_DEBUG) process.setSourceMapsEnabled(true);
  const { processIo } = require(join(built, 'cli-io.js'));
  const { main } = require(join(built, 'main.js'));
  main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

run();
