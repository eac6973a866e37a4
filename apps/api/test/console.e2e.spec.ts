import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './api-harness';

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request with the path sent exactly as written (fetch would normalise `..` away). */
function raw(api: TestApi, method: 'GET' | 'HEAD', path: string): Promise<RawAnswer> {
  const { port } = api.app.getHttpServer().address() as { port: number };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const INDEX = '<!doctype html><html><head><script type="module" src="/console/assets/app-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("switchboard console");';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

function expectConsoleHeaders(answer: RawAnswer): void {
  expect(answer.headers['content-security-policy']).toBe(CSP);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
}

describe('the web console at /console/ (a built console)', () => {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-console-'));
  const dir = join(root, 'web');
  let api: TestApi;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'assets', 'app-3f9a1c.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'app-3f9a1c.css'), 'body{margin:0}');
    // Outside the console directory: must never be served.
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
    api = await startTestApi({ consoleDir: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('redirects /console and / to /console/', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const console = await raw(api, method, '/console');
      expect([console.status, console.headers.location]).toEqual([301, '/console/']);
      expectConsoleHeaders(console);
    }
    const home = await raw(api, 'GET', '/');
    expect([home.status, home.headers.location]).toEqual([302, '/console/']);
  });

  it('serves index.html at /console/ without credentials, never cached without revalidation', async () => {
    const answer = await raw(api, 'GET', '/console/');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expectConsoleHeaders(answer);
    const index = await raw(api, 'GET', '/console/index.html');
    expect([index.status, index.body, index.headers['cache-control']]).toEqual([200, INDEX, 'no-cache']);
  });

  it('serves assets with their content type, cached for good', async () => {
    const script = await raw(api, 'GET', '/console/assets/app-3f9a1c.js');
    expect([script.status, script.body]).toEqual([200, SCRIPT]);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectConsoleHeaders(script);
    const style = await raw(api, 'GET', '/console/assets/app-3f9a1c.css?v=1');
    expect([style.status, style.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    const icon = await raw(api, 'GET', '/console/favicon.svg');
    expect([icon.status, icon.headers['content-type'], icon.headers['cache-control']]).toEqual([200, 'image/svg+xml', 'no-cache']);
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await raw(api, 'HEAD', '/console/assets/app-3f9a1c.js');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(SCRIPT)));
  });

  it.each([
    '/console/tickets/K7M-4QX2',
    '/console/departments/DPW/queue',
    '/console/dashboard',
    '/console/assets',
    '/console/escalations?asOf=2026-11-01T00:00:00Z',
  ])('answers the client-side route %s with index.html', async (path) => {
    const answer = await raw(api, 'GET', path);
    expect([answer.status, answer.body, answer.headers['cache-control']]).toEqual([200, INDEX, 'no-cache']);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expectConsoleHeaders(answer);
  });

  it('answers 404 for a missing file with an extension', async () => {
    for (const path of ['/console/assets/gone-000000.js', '/console/robots.txt', '/console/tickets/K7M-4QX2.json']) {
      const answer = await raw(api, 'GET', path);
      expect([path, answer.status]).toEqual([path, 404]);
      expectConsoleHeaders(answer);
    }
  });

  it('refuses paths that leave the directory, plain or encoded', async () => {
    for (const path of [
      '/console/../secret.txt',
      '/console/assets/../../secret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/%2E%2E%2Fsecret.txt',
      '/console/assets%2f..%2f..%2fsecret.txt',
      '/console/..%5csecret.txt',
      '/console/%2e%2e%5csecret.txt',
      '/console/%00index.html',
      '/console/%E0%A4%A',
    ]) {
      const answer = await raw(api, 'GET', path);
      expect([path, answer.status]).toEqual([path, 400]);
      expect(answer.body).not.toContain('not for the web');
    }
  });

  it('leaves the API routes as they were: they still need a token', async () => {
    expect((await raw(api, 'GET', '/me')).status).toBe(401);
    expect((await raw(api, 'GET', '/health')).status).toBe(200);
  });
});

describe('the web console before it is built', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-console-empty-'));
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ consoleDir: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with a page that says how to build it', async () => {
    for (const path of ['/console/', '/console/dashboard']) {
      const answer = await raw(api, 'GET', path);
      expect(answer.status).toBe(503);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.body).toContain('not built');
      expect(answer.body).toContain('npm run build:web');
      expectConsoleHeaders(answer);
    }
    expect((await raw(api, 'GET', '/console/assets/app.js')).status).toBe(404);
  });

  it('serves the console as soon as it is built, without a restart', async () => {
    writeFileSync(join(dir, 'index.html'), INDEX);
    const answer = await raw(api, 'GET', '/console/');
    expect([answer.status, answer.body]).toEqual([200, INDEX]);
  });
});
