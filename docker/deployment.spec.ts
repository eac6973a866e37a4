import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_CONSOLE_DIR, loadApiConfig } from '../apps/api/src/config/api-config';
import { loadProjectorConfig } from '../apps/projector/src/projector-config';
import { parseEventStoreUrl } from '../libs/event-store/src/config/event-store-url';

// No Docker engine runs where the tests run, so the deployment files are checked against the
// code they deploy: every service is buildable or pulled, healthy-checked and restarted, and
// every Switchboard container's environment is one its process accepts.

const here = (file: string) => readFileSync(join(__dirname, file), 'utf8');
interface Compose {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      command?: string[];
      environment?: Record<string, string>;
      healthcheck?: { test?: string[] };
      restart?: string;
      depends_on?: Record<string, { condition: string }>;
    }
  >;
}

const readStoreUrl = 'postgres://switchboard:secret@postgres:5432/switchboard';

/** The production compose files: EventStoreDB for the log, or PostgreSQL for everything. */
const shapes = [
  {
    file: 'compose.production.yml',
    stores: ['eventstore', 'postgres'],
    adapter: 'esdb',
    eventStoreUrl: 'esdb://eventstore:2113?tls=false',
    readStoreUrl,
  },
  {
    file: 'compose.production-postgres.yml',
    stores: ['postgres'],
    adapter: 'postgres',
    eventStoreUrl: `${readStoreUrl}?schema=events`,
    readStoreUrl: `${readStoreUrl}?schema=read_models`,
  },
];

/** Compose interpolation: `${NAME:?message}` and `${NAME:-default}` become a stand-in value. */
const interpolate = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value).replace(/\$\{(\w+)(?::[?-]([^}]*))?\}/g, (_, name, fallback) => (name === 'POSTGRES_PASSWORD' ? 'secret' : (fallback ?? 'x'))),
    ]),
  );

/** Every SWITCHBOARD_* variable a process reads, taken from its config loader's source. */
const knownVariables = (...files: string[]) =>
  new Set(files.flatMap((file) => readFileSync(join(__dirname, '..', file), 'utf8').match(/SWITCHBOARD_[A-Z0-9_]+/g) ?? []));

describe.each(shapes)('docker/$file', (shape) => {
  const compose = parse(here(shape.file), { merge: true }) as Compose;
  const services = Object.entries(compose.services);
  const switchboard = services.filter(([, s]) => s.image === 'switchboard:latest');
  const apis = switchboard.filter(([, s]) => !s.command);
  const projectors = switchboard.filter(([, s]) => s.command);

  it('has the production shape: its stores, two APIs behind a proxy, a projector and a standby', () => {
    expect(services.map(([name]) => name).sort()).toEqual(['api-1', 'api-2', ...shape.stores, 'projector', 'projector-standby', 'proxy'].sort());
    expect(apis).toHaveLength(2);
    expect(projectors).toHaveLength(2);
  });

  it.each(services)('%s has an image or a build, a health check and a restart policy', (_name, service) => {
    expect(service.image ?? service.build).toBeDefined();
    expect(service.healthcheck?.test?.length).toBeGreaterThan(0);
    expect(service.restart).toBe('unless-stopped');
  });

  it.each(switchboard)('%s starts only once the stores are healthy', (_name, service) => {
    expect(service.depends_on).toEqual(Object.fromEntries(shape.stores.map((store) => [store, { condition: 'service_healthy' }])));
  });

  it.each(apis)('%s: an environment the API accepts, listening on all interfaces, not projecting', (_name, service) => {
    const env = interpolate(service.environment ?? {});
    const known = knownVariables('apps/api/src/config/api-config.ts');
    expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
    const config = loadApiConfig(env);
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
      eventStoreUrl: shape.eventStoreUrl,
      readStoreUrl: shape.readStoreUrl,
    });
    expect(env.SWITCHBOARD_PROJECTOR).toBe('off');
    expect(parseEventStoreUrl(config.eventStoreUrl).adapter).toBe(shape.adapter);
    expect(service.healthcheck?.test?.join(' ')).toContain(`:${config.port}/health/ready`);
  });

  it.each(projectors)('%s: an environment the projector accepts, with the health port its check asks', (_name, service) => {
    const env = interpolate(service.environment ?? {});
    const known = knownVariables('apps/projector/src/projector-config.ts');
    expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
    const config = loadProjectorConfig(env);
    expect(config).toMatchObject({
      eventStoreUrl: shape.eventStoreUrl,
      readStoreUrl: shape.readStoreUrl,
      healthHost: '0.0.0.0',
    });
    expect(service.healthcheck?.test?.join(' ')).toContain(`:${config.healthPort}/health`);
    expect(service.command).toEqual(['node', JSON.parse(here('../package.json')).scripts.projector.split(' && node ')[1]]);
  });

  it('PostgreSQL is created with the database and user the read store URL names', () => {
    const postgres = compose.services.postgres.environment ?? {};
    expect({ db: postgres.POSTGRES_DB, user: postgres.POSTGRES_USER }).toEqual({ db: 'switchboard', user: 'switchboard' });
  });

  it('the proxy balances over exactly the API containers on their port, with SSE unbuffered', () => {
    const nginx = here('nginx.conf');
    const upstream = [...nginx.matchAll(/server (\S+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstream.sort()).toEqual(apis.map(([name]) => `${name}:3000`).sort());
    expect(nginx).toMatch(/queue\/events[\s\S]*proxy_buffering off/);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = here('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('is multi-stage and runs as an unprivileged user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages[stages.length - 1];
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/g\+\+|npm ci/);
  });

  it('starts the file `nest build api` writes, the same one `npm start` runs', () => {
    const built = /const BUILT = '([^']+)'/.exec(readFileSync(join(__dirname, '../apps/api/scripts/built-api.js'), 'utf8'))![1];
    expect(dockerfile).toContain(`CMD ["node", "${built}"]`);
    expect(dockerfile).toMatch(/nest build api && npx nest build projector/);
  });

  it('builds the web console with `npm run build:web` (before dev dependencies are pruned) and ships it where the API looks by default', () => {
    const build = stages[0];
    const runtime = stages[stages.length - 1];
    const buildWeb = build.indexOf('npm run build:web');
    expect(buildWeb).toBeGreaterThan(-1);
    expect(buildWeb).toBeLessThan(build.indexOf('npm prune'));
    const scripts = (JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build:web']).toBeDefined();
    // The runtime copies a folder of the build that holds the console, to the same place under WORKDIR.
    const workdir = /^WORKDIR (\S+)$/m.exec(runtime)![1];
    const copies = [...runtime.matchAll(/^COPY --from=build \S* ?(\S+) (\S+)$/gm)].map(([, from, to]) => ({ from, to: join(workdir, to) }));
    const consoleDir = join(workdir, DEFAULT_CONSOLE_DIR);
    expect(copies.some(({ from, to }) => from === to && (consoleDir === to || consoleDir.startsWith(`${to}/`)))).toBe(true);
    expect(loadApiConfig({}).consoleDir.endsWith(DEFAULT_CONSOLE_DIR)).toBe(true);
  });

  it('has a health check and copies only files that exist in the repository', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(' '));
    expect(sources.filter((source) => !existsSync(join(__dirname, '..', source)))).toEqual([]);
  });
});
