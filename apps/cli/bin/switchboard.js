#!/usr/bin/env node
// `switchboard`: runs the CLI's TypeScript sources through @swc-node/register, so a fresh clone
// needs `npm ci` and no build. The repository's tsconfig gives the @switchboard/* paths.
const { join } = require('node:path');

process.env.SWC_NODE_PROJECT ||= join(__dirname, '../../../tsconfig.json');
require('@swc-node/register');
const { processIo } = require('../src/cli-io.ts');
const { main } = require('../src/main.ts');

main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
