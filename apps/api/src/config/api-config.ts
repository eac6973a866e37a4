import { resolve } from 'node:path';

/** Everything the API reads from its environment, parsed and checked once at startup. */
export interface ApiConfig {
  readonly eventStoreUrl: string;
  readonly host: string;
  readonly port: number;
  readonly catalogPath: string;
  readonly usersPath: string;
  readonly jwt?: JwtConfig;
  readonly bodyLimitBytes: number;
  readonly logLevel: LogLevel;
  /** Serve the OpenAPI UI at /docs (off in unit-style tests: Jest cannot load @fastify/static's ESM dependencies). */
  readonly docs: boolean;
  /** Exposes the write-nothing endpoint the API benchmark compares against. */
  readonly benchBaseline: boolean;
}

export interface JwtConfig {
  /** An https URL of the identity provider's JWKS, or a path to a JWKS JSON file. */
  readonly jwks: string;
  readonly issuer?: string;
  readonly audience?: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEMO_USERS_PATH = 'apps/api/config/demo-users.json';
export const DEMO_CATALOG_PATH = 'libs/ticketing/config/demo-catalog.json';

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
  const jwks = env.SWITCHBOARD_JWT_JWKS;
  if (!jwks && (env.SWITCHBOARD_JWT_ISSUER || env.SWITCHBOARD_JWT_AUDIENCE)) {
    problems.push('SWITCHBOARD_JWT_ISSUER/SWITCHBOARD_JWT_AUDIENCE need SWITCHBOARD_JWT_JWKS (the key set to verify tokens with)');
  }
  const config: ApiConfig = {
    eventStoreUrl: env.SWITCHBOARD_EVENT_STORE || 'sqlite:./data/switchboard.db',
    host: env.SWITCHBOARD_HOST || '127.0.0.1',
    port: integer('SWITCHBOARD_PORT', 3000, 0, 65535),
    catalogPath: resolve(env.SWITCHBOARD_CATALOG || DEMO_CATALOG_PATH),
    usersPath: resolve(env.SWITCHBOARD_USERS || DEMO_USERS_PATH),
    jwt: jwks
      ? { jwks, issuer: env.SWITCHBOARD_JWT_ISSUER || undefined, audience: env.SWITCHBOARD_JWT_AUDIENCE || undefined }
      : undefined,
    bodyLimitBytes: integer('SWITCHBOARD_BODY_LIMIT', 64 * 1024, 1024, 16 * 1024 * 1024),
    logLevel,
    docs: env.SWITCHBOARD_DOCS !== '0',
    benchBaseline: env.SWITCHBOARD_BENCH_BASELINE === '1',
  };
  if (problems.length > 0) throw new ApiConfigError(problems);
  return config;
}
