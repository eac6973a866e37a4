import { resolve } from 'node:path';
import { residentKeysSetting } from '@switchboard/command-handling';
import { type NotificationSettings, notificationSettingsOf } from '@switchboard/outbound';
import { outboundSettingsOf, type OutboundSettings } from '@switchboard/outbound';
import { DEFAULT_QUEUE_FEED_RESUME_DAYS } from '@switchboard/read-models';
import { type AttachmentsConfig, attachmentsConfigOf } from '../attachments/attachments-config';

/** Everything the API reads from its environment, parsed and checked once at startup. */
export interface ApiConfig {
  readonly eventStoreUrl: string;
  /** Read models (ticket list, queues): `sqlite:<path>` or `postgres://…`; absent: `defaultReadStoreUrl` of the event store. */
  readonly readStoreUrl?: string;
  /** How long a query given a command's `position` waits for the read models to reach it before answering 503. */
  readonly readWaitMs: number;
  /** `in-process`: this process runs the projection runner and the SLA watcher (the embedded default); `off`: a separate projector does. */
  readonly projector: ProjectorMode;
  /** Pause between the SLA watcher's scans. */
  readonly slaWatchIntervalMs: number;
  /**
   * How many days of queue changes a feed can resume over (Last-Event-ID); older changes are pruned
   * by the process that projects (here with `in-process`), and an older Last-Event-ID is answered with a reset.
   */
  readonly queueFeedResumeDays: number;
  /** Pause between signed checkpoints of the event log, written by the process that projects (here with `in-process`) when the log grew. */
  readonly auditCheckpointIntervalMs: number;
  /** SWITCHBOARD_AUDIT_SIGNING_KEY: the checkpoint signing key file; undefined: the embedded default's (none for another store). */
  readonly auditSigningKey?: string;
  /** SWITCHBOARD_RESIDENT_KEYS: the resident key store's SQLite file (default: resident-keys.db beside a SQLite log; required for other logs). */
  readonly residentKeysPath?: string;
  /** SWITCHBOARD_RETENTION_WATCH_INTERVAL_MS: pause between the retention watcher's scans (default 1 h). */
  readonly residentRetentionIntervalMs: number;
  readonly host: string;
  readonly port: number;
  readonly catalogPath: string;
  readonly usersPath: string;
  /**
   * A knowledge-base file (the article import format) imported at start, each article drafted and
   * published once (deterministic command ids: a restart writes nothing again); undefined: none.
   * Default: the demo knowledge base with the demo catalog, none with a city's own catalog.
   */
  readonly knowledgeBasePath?: string;
  readonly jwt?: JwtConfig;
  readonly bodyLimitBytes: number;
  readonly logLevel: LogLevel;
  /** Serve the OpenAPI UI at /docs (off in unit-style tests: Jest cannot load @fastify/static's ESM dependencies). */
  readonly docs: boolean;
  /** Exposes the write-nothing endpoint the API benchmark compares against. */
  readonly benchBaseline: boolean;
  readonly open311: Open311Config;
  /** The built web console (`npm run build:web`), served at /console/; an absolute path. */
  readonly consoleDir: string;
  /** Photos on tickets: where their bytes are kept, size limits, the EXIF location policy. */
  readonly attachments: AttachmentsConfig;
  /** Residents' and staff's notifications: the SMTP server, the SMS provider, links (docs/operations.md, "Notifications"). */
  readonly notifications: NotificationSettings;
  /** The outbound consumer, webhooks and broker relays (SWITCHBOARD_OUTBOUND*, SWITCHBOARD_WEBHOOK_*, SWITCHBOARD_NATS_*, SWITCHBOARD_AMQP_*; docs/integrations.md). */
  readonly outbound: OutboundSettings;
}

/** The Open311 GeoReport v2 endpoint (docs/open311.md). */
export interface Open311Config {
  /** Path prefix of the endpoint, e.g. /open311/v2. */
  readonly basePath: string;
  /** The endpoint's public URL for the discovery document; derived from the request when absent. */
  readonly publicUrl?: string;
  /** Discovery `contact` and `key_service` texts. */
  readonly contact: string;
  readonly keyService: string;
}

export interface JwtConfig {
  /** An https URL of the identity provider's JWKS, or a path to a JWKS JSON file. */
  readonly jwks: string;
  readonly issuer?: string;
  readonly audience?: string;
}

export const PROJECTOR_MODES = ['in-process', 'off'] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEMO_USERS_PATH = 'apps/api/config/demo-users.json';
export const DEMO_CATALOG_PATH = 'libs/ticketing/config/demo-catalog.json';
export const DEMO_KNOWLEDGE_BASE_PATH = 'libs/knowledge/config/demo-knowledge-base.json';
/** Where `npm run build:web` writes the console. */
export const DEFAULT_CONSOLE_DIR = 'dist/apps/web';

export class ApiConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads the SWITCHBOARD_* variables (documented in docs/operations.md); throws naming every bad one. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name}=${raw} must be an integer from ${min} to ${max}`);
    return value;
  };
  const logLevel = (env.SWITCHBOARD_LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`SWITCHBOARD_LOG_LEVEL=${logLevel} must be one of ${LOG_LEVELS.join(', ')}`);
  const projector = (env.SWITCHBOARD_PROJECTOR || 'in-process') as ProjectorMode;
  if (!PROJECTOR_MODES.includes(projector)) problems.push(`SWITCHBOARD_PROJECTOR=${projector} must be one of ${PROJECTOR_MODES.join(', ')}`);
  const jwks = env.SWITCHBOARD_JWT_JWKS;
  if (!jwks && (env.SWITCHBOARD_JWT_ISSUER || env.SWITCHBOARD_JWT_AUDIENCE)) {
    problems.push('SWITCHBOARD_JWT_ISSUER/SWITCHBOARD_JWT_AUDIENCE need SWITCHBOARD_JWT_JWKS (the key set to verify tokens with)');
  }
  const eventStoreUrl = env.SWITCHBOARD_EVENT_STORE || 'sqlite:./data/switchboard.db';
  const readStoreUrl = env.SWITCHBOARD_READ_STORE || undefined;
  if (!readStoreUrl && !defaultReadStoreUrl(eventStoreUrl)) {
    problems.push('SWITCHBOARD_READ_STORE is required when the event store is not SQLite (e.g. postgres://user@host:5432/switchboard)');
  }
  const config: ApiConfig = {
    eventStoreUrl,
    readStoreUrl,
    readWaitMs: integer('SWITCHBOARD_READ_WAIT_MS', 2000, 1, 60_000),
    projector,
    slaWatchIntervalMs: integer('SWITCHBOARD_SLA_WATCH_INTERVAL_MS', 15_000, 1_000, 3_600_000),
    queueFeedResumeDays: integer('SWITCHBOARD_QUEUE_FEED_RESUME_DAYS', DEFAULT_QUEUE_FEED_RESUME_DAYS, 1, 365),
    auditCheckpointIntervalMs: integer('SWITCHBOARD_AUDIT_CHECKPOINT_INTERVAL_MS', 900_000, 1_000, 86_400_000),
    auditSigningKey: env.SWITCHBOARD_AUDIT_SIGNING_KEY ? resolve(env.SWITCHBOARD_AUDIT_SIGNING_KEY) : undefined,
    residentKeysPath: residentKeysSetting(env.SWITCHBOARD_RESIDENT_KEYS),
    residentRetentionIntervalMs: integer('SWITCHBOARD_RETENTION_WATCH_INTERVAL_MS', 3_600_000, 1_000, 86_400_000),
    host: env.SWITCHBOARD_HOST || '127.0.0.1',
    // PORT is what hosting platforms set; SWITCHBOARD_PORT wins when both are given.
    port: env.SWITCHBOARD_PORT ? integer('SWITCHBOARD_PORT', 3000, 0, 65535) : integer('PORT', 3000, 0, 65535),
    catalogPath: resolve(env.SWITCHBOARD_CATALOG || DEMO_CATALOG_PATH),
    usersPath: resolve(env.SWITCHBOARD_USERS || DEMO_USERS_PATH),
    knowledgeBasePath: knowledgeBaseOf(env),
    jwt: jwks ? { jwks, issuer: env.SWITCHBOARD_JWT_ISSUER || undefined, audience: env.SWITCHBOARD_JWT_AUDIENCE || undefined } : undefined,
    bodyLimitBytes: integer('SWITCHBOARD_BODY_LIMIT', 64 * 1024, 1024, 16 * 1024 * 1024),
    logLevel,
    docs: env.SWITCHBOARD_DOCS !== '0',
    benchBaseline: env.SWITCHBOARD_BENCH_BASELINE === '1',
    open311: {
      basePath: env.SWITCHBOARD_OPEN311_BASE_PATH || '/open311/v2',
      publicUrl: env.SWITCHBOARD_OPEN311_URL || undefined,
      contact: env.SWITCHBOARD_OPEN311_CONTACT || 'Call 311 for help with this API.',
      keyService: env.SWITCHBOARD_OPEN311_KEY_SERVICE || "Ask the city's 311 office for an api_key.",
    },
    consoleDir: resolve(env.SWITCHBOARD_CONSOLE_DIR || DEFAULT_CONSOLE_DIR),
    attachments: attachmentsConfigOf(env, eventStoreUrl, problems, integer),
    outbound: outboundSettingsOf(env, problems),
    notifications: notificationSettingsOf(env, problems),
  };
  if (!/^(\/[\w.~-]+)+$/.test(config.open311.basePath)) {
    problems.push(`SWITCHBOARD_OPEN311_BASE_PATH=${config.open311.basePath} must be a path like /open311/v2 (no trailing slash)`);
  }
  if (config.open311.publicUrl && !/^https?:\/\/[^/]/.test(config.open311.publicUrl)) {
    problems.push(`SWITCHBOARD_OPEN311_URL=${config.open311.publicUrl} must be an http(s) URL`);
  }
  if (problems.length > 0) throw new ApiConfigError(problems);
  return config;
}

/** SWITCHBOARD_KNOWLEDGE_BASE: a path, or `none`; unset, the demo knowledge base goes with the demo catalog only. */
function knowledgeBaseOf(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.SWITCHBOARD_KNOWLEDGE_BASE;
  if (given === 'none') return undefined;
  if (given) return resolve(given);
  return env.SWITCHBOARD_CATALOG ? undefined : resolve(DEMO_KNOWLEDGE_BASE_PATH);
}

/** The embedded default keeps read models in the event store's own SQLite file; a memory store gets a memory read store. */
export function defaultReadStoreUrl(eventStoreUrl: string): string | undefined {
  if (eventStoreUrl.startsWith('sqlite:')) return eventStoreUrl;
  if (eventStoreUrl.startsWith('memory:')) return 'sqlite::memory:';
  return undefined;
}
