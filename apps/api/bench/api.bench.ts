// `npm run bench:api`: HTTP throughput of the API on the embedded default (SQLite file, durable
// commits), against a baseline endpoint of the same app that validates the same DTO and writes nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const URL = `http://127.0.0.1:${PORT}`;
const OPERATOR = 'Bearer demo-operator-ada';
const STAFF = 'Bearer demo-staff-dpw-sam';
const OPEN_BODY = JSON.stringify({
  serviceCode: 'POTHOLE',
  description: 'Deep pothole in front of 12 Elm St',
  channel: 'phone',
  location: { address: '12 Elm St', latitude: 42.77, longitude: -71.08 },
  attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
});

type Requests = NonNullable<autocannon.Options['requests']>;

interface Figure {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
}

const post = (path: string, authorization: string, body?: string): Requests[number] => ({
  method: 'POST',
  path,
  headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
  body,
});

/** open → assign → start → complete: each connection works its own ticket through. */
const lifecycle: Requests = [
  {
    ...post('/tickets', OPERATOR, OPEN_BODY),
    onResponse: (_status, body, context) => {
      context.ticketId = JSON.parse(body).ticketId;
    },
  },
  { ...post('', OPERATOR, JSON.stringify({ department: 'DPW' })), setupRequest: (req, context) => ({ ...req, path: `/tickets/${context.ticketId}/assign` }) },
  { ...post('', STAFF), setupRequest: (req, context) => ({ ...req, path: `/tickets/${context.ticketId}/start` }) },
  {
    ...post('', STAFF, JSON.stringify({ resolutionCode: 'repaired', note: 'Filled' })),
    setupRequest: (req, context) => ({ ...req, path: `/tickets/${context.ticketId}/complete` }),
  },
];

async function measure(name: string, requests: Requests): Promise<Figure> {
  const result = await autocannon({ url: URL, connections: 50, duration: SECONDS, requests });
  return { name, requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.non2xx + result.errors };
}

function startServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      SWITCHBOARD_EVENT_STORE: `sqlite:${join(dataDir, 'switchboard.db')}`,
      SWITCHBOARD_PORT: String(PORT),
      SWITCHBOARD_BENCH_BASELINE: '1',
      SWITCHBOARD_LOG_LEVEL: 'warn',
      SWITCHBOARD_DOCS: '0',
    },
  });
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${URL}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not come up on ${URL}`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const server = startServer(dataDir);
  try {
    await waitUntilUp();
    await measure('warm-up', [post('/bench/baseline', OPERATOR, OPEN_BODY)]);
    const baseline = await measure('baseline: validate, write nothing', [post('/bench/baseline', OPERATOR, OPEN_BODY)]);
    const open = await measure('open ticket', [post('/tickets', OPERATOR, OPEN_BODY)]);
    const mixed = await measure('lifecycle: open → assign → start → complete', lifecycle);
    console.log(`\nAPI benchmark: 50 connections, ${SECONDS}s each, SQLite file with synchronous=FULL (${process.version}, same machine)\n`);
    console.log('| scenario | req/s | p99 ms | × baseline | non-2xx/errors |\n|---|---:|---:|---:|---:|');
    for (const figure of [baseline, open, mixed]) {
      const ratio = (figure.requestsPerSecond / baseline.requestsPerSecond).toFixed(2);
      console.log(`| ${figure.name} | ${Math.round(figure.requestsPerSecond)} | ${figure.p99Ms} | ${ratio} | ${figure.errors} |`);
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
