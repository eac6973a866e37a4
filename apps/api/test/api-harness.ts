import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Clock, systemClock } from '../src/clock/clock';
import { exampleAnswers, parseCatalog } from '@switchboard/ticketing';
import { type ApiConfig, DEMO_CATALOG_PATH, loadApiConfig } from '../src/config/api-config';
import { createApp } from '../src/create-app';

const demoTokens = (JSON.parse(readFileSync(join(__dirname, '../config/demo-tokens.json'), 'utf8')) as { tokens: Record<string, string> }).tokens;

/** Bearer tokens of the demo users, by what they are. */
export const as = {
  operator: demoTokens['ada.operator'],
  dpwStaff: demoTokens['sam.dpw'],
  dpwHead: demoTokens['hana.dpw'],
  engineeringStaff: demoTokens['eli.engineering'],
  director: demoTokens['dee.director'],
  resident: demoTokens['resident-portal'],
};

/** A clock whose time the test moves by hand (starting on a Monday morning in the demo city); its timers are the real ones. */
export class TestClock implements Clock {
  private current = Date.parse('2026-11-02T14:00:00.000Z');
  now = (): Date => new Date(this.current);
  setTimeout = systemClock.setTimeout;
  clearTimeout = systemClock.clearTimeout;
  advance(minutes: number): void {
    this.current += minutes * 60_000;
  }
}

export interface Answer {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, unknown>;
}

export interface TestApi {
  readonly clock: TestClock;
  readonly app: NestFastifyApplication;
  readonly eventStoreUrl: string;
  request(method: 'GET' | 'POST', url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<Answer>;
  /** POST as `token`, failing the test unless the answer is 2xx. */
  command(url: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

/** The real app on a temporary SQLite file, listening on a free local port (or `listen.port`: an instance restarted in place); `consoleDir` serves a built console at /console/. */
export async function startTestApi(overrides: Partial<ApiConfig> = {}, listen: { port?: number } = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-api-'));
  const defaults = loadApiConfig({});
  const config: ApiConfig = {
    ...defaults,
    eventStoreUrl: `sqlite:${join(dir, 'switchboard.db')}`,
    logLevel: 'silent',
    docs: false,
    ...overrides,
    // Photos' blobs beside the log, as the embedded default keeps them, removed with it (a test may set the policy, or another store).
    attachments: { ...defaults.attachments, store: `file:${join(dir, 'attachments')}`, ...overrides.attachments },
    // Relative to the working directory, as SWITCHBOARD_CONSOLE_DIR is.
    ...(overrides.consoleDir === undefined ? {} : { consoleDir: resolve(overrides.consoleDir) }),
  };
  const clock = new TestClock();
  const app = await createApp(config, clock);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // A real port: Fastify's inject needs an ESM-only dependency that Jest cannot load.
  await app.listen({ port: listen.port ?? 0, host: '127.0.0.1' });
  const base = await app.getUrl();

  const request: TestApi['request'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${base}${url}`, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: Object.fromEntries(response.headers) };
  };
  return {
    clock,
    app,
    eventStoreUrl: config.eventStoreUrl,
    request,
    async command(url, token, body, headers) {
      const answer = await request('POST', url, { token, body, headers });
      if (answer.status >= 300) throw new Error(`POST ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const demoCatalog = parseCatalog(readFileSync(resolve(__dirname, '../../..', DEMO_CATALOG_PATH), 'utf8'), DEMO_CATALOG_PATH);

/** Answers to every required question of a demo-catalog service, for tests that open tickets of any service. */
export const answersFor = (serviceCode: string) => {
  const service = demoCatalog.service(serviceCode);
  if (!service) throw new Error(`no service ${serviceCode} in the demo catalog`);
  return exampleAnswers(service);
};

/** An open-ticket request for a Public Works service. */
export const pothole = {
  serviceCode: 'POTHOLE',
  description: 'Deep pothole in front of 12 Elm St',
  channel: 'phone',
  location: { address: '12 Elm St', latitude: 42.77, longitude: -71.08 },
  contact: { name: 'Ann Resident', phone: '978-555-0101' },
  attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
};

/** Opens a pothole ticket as the operator and routes it to Public Works; returns its id. */
export async function assignedToPublicWorks(api: TestApi): Promise<string> {
  const { body } = await api.command('/tickets', as.operator, pothole);
  await api.command(`/tickets/${body.ticketId}/assign`, as.operator, { department: 'DPW' });
  return body.ticketId;
}

/** Starts the app before the describe block's tests and closes it after them. */
export function useTestApi(overrides: Partial<ApiConfig> = {}): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi(overrides);
  });
  afterAll(() => api?.close());
  return () => api as TestApi;
}
