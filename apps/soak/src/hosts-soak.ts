// `node -r @swc-node/register apps/soak/src/hosts-soak.ts --minutes N`: the production shape on
// PostgreSQL across hosts (network namespaces of this machine; needs root): a database host, two API
// instances, a projector and its standby. Under a city's day of mixed load the active projector is
// killed and an API instance is cut off from the database for a while; then the soak's end checks.
import { parseArgs } from 'node:util';
import { runHostsSoak, type HostsSoakFigures } from './hosts/hosts-soak-run';
import { printSummary } from './run-support';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '16' },
    feeds: { type: 'string', default: '4' },
    'cut-seconds': { type: 'string', default: '30' },
  },
});
const loadSeconds = Number(values.minutes) * 60;

function printFigures(figures: HostsSoakFigures): void {
  const seconds = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} s`);
  console.log('\n| figure | value |\n|---|---|');
  console.log(
    `| acknowledged commands/s | ${(figures.acknowledged / figures.loadSeconds).toFixed(1)} (${figures.acknowledged} in ${figures.loadSeconds.toFixed(0)} s) |`,
  );
  console.log(`| requests/s | ${(figures.requests / figures.loadSeconds).toFixed(1)} |`);
  console.log(`| max projection lag | ${figures.maxLagEvents} events, ${figures.maxLagSeconds.toFixed(1)} s |`);
  console.log(`| standby takeover after SIGKILL | ${seconds(figures.takeoverSeconds)} |`);
  console.log(
    `| API instance cut off the database | ${figures.outageSeconds} s; ${figures.cutOffFailures} 5xx/unanswered; serving again ${seconds(figures.recoverySeconds)} after the restore |`,
  );
}

async function main(): Promise<number> {
  const result = await runHostsSoak({
    loadSeconds,
    users: Number(values.users),
    feeds: Number(values.feeds),
    killAt: loadSeconds * 0.25,
    cutAt: loadSeconds * 0.5,
    cutFor: Number(values['cut-seconds']),
    restartKilled: true,
    memoryChecks: loadSeconds >= 300,
    log: (line) => console.error(`hosts soak: ${line}`),
  });
  printSummary('Multi-host soak', result.record, result.checks, result.figures.loadSeconds);
  printFigures(result.figures);
  return result.checks.every((check) => check.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
