import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type RecordedEvent, SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, rebuildReadModels, type ReadStore } from '@switchboard/read-models';
import { parseCatalog, ticketStreamName } from '@switchboard/ticketing';
import { DEMO_CATALOG_PATH, loadApiConfig } from '../src/config/api-config';
import { createApp } from '../src/create-app';
import { as } from './api-harness';

/**
 * The embedded default under load, killed with SIGKILL and restarted on the same file, several
 * times: every command the API acknowledged is in the log exactly once, and within 1 s of the
 * restarted server answering, its read models have caught up and its ticket list and queues equal
 * those of a fresh rebuild of the same log.
 */

const ROOT = join(__dirname, '../../..');
const ROUNDS = 3;
/** Commands acknowledged per round before the kill (about a second of load on this kind of machine). */
const ACKS_PER_ROUND = 300;
const CLIENTS = 12;
const CATCH_UP_BOUND_MS = 1_000;
/** Services with long SLAs: the SLA watcher has nothing to do while the test runs. */
const SERVICES = [
  { serviceCode: 'TREE-PRUNING', department: 'DPW' },
  { serviceCode: 'EXEMPTION-INQUIRY', department: 'ASSESSING' },
  { serviceCode: 'OVERGROWN-LOT', department: 'ISD' },
];

interface Answer {
  readonly status: number;
  readonly body: any;
}

/** One HTTP request; `undefined` when the connection failed (the server was killed). */
function send(
  agent: Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer | undefined> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch {
            resolve(undefined); // cut off mid-body: no answer
          }
        });
        res.on('error', () => resolve(undefined));
      },
    );
    req.on('error', () => resolve(undefined));
    req.end(payload);
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The API as a real process, started from source on `dbPath`. */
class ApiProcess {
  readonly agent = new Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
  readonly exited: Promise<NodeJS.Signals | number | null>;
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  /** Spawns the server and resolves once it has printed that it listens; rejects with its output if it exits first. */
  static async start(dbPath: string, port: number): Promise<ApiProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SWITCHBOARD_EVENT_STORE: `sqlite:${dbPath}`,
        SWITCHBOARD_READ_STORE: '',
        SWITCHBOARD_PROJECTOR: 'in-process',
        SWITCHBOARD_HOST: '127.0.0.1',
        SWITCHBOARD_PORT: String(port),
        SWITCHBOARD_DOCS: '0',
        SWITCHBOARD_LOG_LEVEL: 'warn',
      },
    });
    const api = new ApiProcess(child, port);
    await new Promise<void>((resolve, reject) => {
      let stdout = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Switchboard API listening on')) resolve();
      });
      void api.exited.then((how) => reject(new Error(`the API exited (${how}) before listening:\n${stdout}${api.output}`)));
    });
    return api;
  }

  request(method: 'GET' | 'POST', path: string, token = as.director, body?: unknown, headers?: Record<string, string>): Promise<Answer | undefined> {
    return send(this.agent, this.port, method, path, token, body, headers);
  }

  async get(path: string): Promise<any> {
    const answer = await this.request('GET', path);
    if (answer?.status !== 200) throw new Error(`GET ${path} answered ${answer?.status ?? 'nothing'}: ${JSON.stringify(answer?.body)}\n${this.output}`);
    return answer.body;
  }

  /** Sends `signal` and waits for the exit: SIGKILL as a crash, SIGTERM as a clean stop. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const how = await this.exited;
    this.agent.destroy();
    // Nest's shutdown hooks end a clean stop by raising the signal again.
    if (how !== signal && !(signal === 'SIGTERM' && how === 0)) throw new Error(`the API exited with ${how} after ${signal}:\n${this.output}`);
  }
}

interface Command {
  readonly path: string;
  readonly token: string;
  readonly body: unknown;
  readonly key: string;
}

interface Acknowledged {
  readonly key: string;
  readonly ticketId: string;
  readonly events: readonly string[];
  readonly position: string;
}

/** Clients that open, route and comment on tickets until the server goes away; what they were sending then is kept to send again. */
class Load {
  readonly acknowledged: Acknowledged[] = [];
  /** Commands whose answer never came: they may or may not have been recorded. */
  readonly unanswered: Command[] = [];
  readonly refused: string[] = [];
  private onAck: () => void = () => undefined;

  /** Runs the clients until the server stops answering; calls `then` once `acks` more commands were acknowledged. */
  async run(api: ApiProcess, acks: number, then: () => void): Promise<void> {
    const target = this.acknowledged.length + acks;
    this.onAck = () => this.acknowledged.length === target && then();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => this.client(api, i)));
  }

  /** Sends the commands the last kill left unanswered again, with the same Idempotency-Key. */
  async resend(api: ApiProcess): Promise<number> {
    const commands = this.unanswered.splice(0);
    for (const command of commands) expect(await this.send(api, command)).not.toBe('unanswered');
    return commands.length;
  }

  private async client(api: ApiProcess, n: number): Promise<void> {
    for (let i = 0; ; i++) {
      const { serviceCode, department } = SERVICES[(n + i) % SERVICES.length];
      const opened = await this.send(api, {
        path: '/tickets',
        token: as.operator,
        key: randomUUID(),
        body: { serviceCode, description: `Crash test ${n}.${i}`, channel: 'phone' },
      });
      if (opened === 'unanswered') return;
      if (opened === 'refused') continue;
      const ticket = `/tickets/${opened.ticketId}`;
      if ((await this.send(api, { path: `${ticket}/assign`, token: as.operator, key: randomUUID(), body: { department } })) === 'unanswered') return;
      const comment = { body: `Called back (${n}.${i})`, visibility: 'internal' };
      if ((await this.send(api, { path: `${ticket}/comments`, token: as.operator, key: randomUUID(), body: comment })) === 'unanswered') return;
    }
  }

  private async send(api: ApiProcess, command: Command): Promise<Acknowledged | 'refused' | 'unanswered'> {
    const answer = await api.request('POST', command.path, command.token, command.body, { 'idempotency-key': command.key });
    if (!answer) {
      this.unanswered.push(command);
      return 'unanswered';
    }
    if (answer.status >= 300) {
      this.refused.push(`${command.path} ${answer.status} ${JSON.stringify(answer.body)}`);
      return 'refused';
    }
    const acknowledged = { key: command.key, ticketId: answer.body.ticketId, events: answer.body.events, position: answer.body.position };
    this.acknowledged.push(acknowledged);
    this.onAck();
    return acknowledged;
  }
}

async function readLog(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** Every page of GET /tickets, and every department's queue, without the fields judged at the moment of asking. */
async function readModelsSeenBy(
  get: (path: string) => Promise<any>,
  departments: readonly string[],
): Promise<{ tickets: unknown[]; queues: Record<string, unknown[]> }> {
  const tickets: unknown[] = [];
  for (let cursor: string | null = null; ;) {
    const page: any = await get(`/tickets?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    tickets.push(...page.tickets);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const queues: Record<string, unknown[]> = {};
  for (const department of departments) {
    const queue = await get(`/departments/${department}/queue?limit=1000`);
    queues[department] = queue.entries.map(({ ageSeconds: _age, ...entry }: { ageSeconds: number }) => entry);
  }
  return { tickets, queues };
}

describe('the API killed with SIGKILL under load and restarted on the same file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-crash-'));
  const dbPath = join(dir, 'switchboard.db');
  const rebuiltUrl = `sqlite:${join(dir, 'rebuilt.db')}`;
  const catalog = parseCatalog(readFileSync(join(ROOT, DEMO_CATALOG_PATH), 'utf8'), DEMO_CATALOG_PATH);
  const departments = catalog.departments().map((department) => department.code);
  let api: ApiProcess | undefined;
  let log: SqliteEventStore | undefined;
  let rebuilt: ReadStore | undefined;
  let reference: NestFastifyApplication | undefined;
  const referenceAgent = new Agent({ keepAlive: true });

  afterAll(async () => {
    await api?.stop('SIGKILL').catch(() => undefined);
    referenceAgent.destroy();
    await reference?.close();
    await rebuilt?.close();
    await log?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged command exactly once, and its read models equal a fresh rebuild within 1 s of answering', async () => {
    const port = await freePort();
    const referencePort = async () => {
      // The reference: the same log rebuilt from scratch into a read store of its own, served by the same HTTP code (its projector off).
      rebuilt = await createReadStore(rebuiltUrl);
      reference = await createApp({
        ...loadApiConfig({}),
        eventStoreUrl: `sqlite:${dbPath}`,
        readStoreUrl: rebuiltUrl,
        projector: 'off',
        logLevel: 'silent',
        docs: false,
      });
      await reference.init();
      await reference.getHttpAdapter().getInstance().ready();
      await reference.listen({ port: 0, host: '127.0.0.1' });
      return Number(new URL(await reference.getUrl()).port);
    };
    // The server first: it creates the file the reference opens.
    const starting = ApiProcess.start(dbPath, port);
    const [first, refPort] = await Promise.all([starting, starting.then(referencePort)]);
    api = first;
    log = SqliteEventStore.open(dbPath);
    const referenceGet = async (path: string) => (await send(referenceAgent, refPort, 'GET', path, as.director))?.body;

    const load = new Load();
    for (let round = 1; round <= ROUNDS; round++) {
      const running = api;
      let killed: Promise<void> | undefined;
      await load.run(running, ACKS_PER_ROUND, () => (killed = running.stop('SIGKILL')));
      await killed;
      const events = await readLog(log);
      const head = events[events.length - 1].globalPosition;

      api = await ApiProcess.start(dbPath, port);
      expect((await api.request('GET', '/health'))?.status).toBe(200);
      const answering = performance.now();
      // The server is another process: poll its readiness until its checkpoint is the log's head.
      for (;;) {
        const lag = (await api.get('/health/ready')).projectionLag;
        if (lag.checkpoint === head && lag.eventsBehind === 0) break;
        expect(performance.now() - answering).toBeLessThan(CATCH_UP_BOUND_MS);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // Nothing is written from here to the next round's load: what the server shows now is what it showed once caught up.
      const seen = await readModelsSeenBy((path) => api!.get(path), departments);
      // Read-your-writes answers for the last acknowledged position (a restart standing by answered 503).
      const last = load.acknowledged.map((ack) => ack.position).reduce((a, b) => (a > b ? a : b));
      expect((await api.request('GET', `/tickets?limit=1&position=${last}`))?.status).toBe(200);

      await rebuildReadModels({ eventStore: log, readStore: rebuilt!, catalog });
      expect(seen).toEqual(await readModelsSeenBy(referenceGet, departments));
      expect(seen.tickets.length).toBeGreaterThan(0);

      // What the kill left unanswered is sent again with the same Idempotency-Key: recorded at most once either way.
      await load.resend(api);
    }
    await api.stop('SIGTERM');

    // Exactly once: each acknowledged command's events, as answered, are in the log once, in its ticket's stream.
    expect(load.refused).toEqual([]);
    const events = await readLog(log);
    const byCommand = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const commandId = String(event.metadata.commandId);
      if (!byCommand.has(commandId)) byCommand.set(commandId, []);
      byCommand.get(commandId)!.push(event);
    }
    const wrong = load.acknowledged.filter((ack) => {
      const recorded = byCommand.get(ack.key) ?? [];
      return (
        JSON.stringify(recorded.map((event) => event.type)) !== JSON.stringify(ack.events) ||
        recorded.some((event) => event.streamName !== ticketStreamName(ack.ticketId))
      );
    });
    expect(wrong).toEqual([]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(ROUNDS * ACKS_PER_ROUND);
    // Bounded: about 15 s on a quiet machine of this kind (four process starts of ~3 s from source), more on a busy one.
  }, 90_000);
});
