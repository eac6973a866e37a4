import { resolve } from 'node:path';
import { residentKeysSetting } from '@switchboard/command-handling';
import { type NotificationSettings, notificationSettingsOf, outboundSettingsOf, type OutboundSettings } from '@switchboard/outbound';
import { DEFAULT_QUEUE_FEED_RESUME_DAYS } from '@switchboard/read-models';

/** What the projector reads from its environment: the API's SWITCHBOARD_* variables it shares, plus its own. */
export interface ProjectorConfig {
  readonly eventStoreUrl: string;
  readonly readStoreUrl: string;
  readonly catalogPath: string;
  readonly slaWatchIntervalMs: number;
  /** SWITCHBOARD_RETENTION_WATCH_INTERVAL_MS, as the API's. */
  readonly residentRetentionIntervalMs: number;
  /** How many days of queue changes feeds can resume over; older ones are pruned (while this projector is active). */
  readonly queueFeedResumeDays: number;
  /** Pause between signed checkpoints of the event log (written while this projector is active, when the log grew). */
  readonly auditCheckpointIntervalMs: number;
  /** SWITCHBOARD_AUDIT_SIGNING_KEY: the checkpoint signing key file; undefined: the embedded default's. */
  readonly auditSigningKey?: string;
  /** SWITCHBOARD_RESIDENT_KEYS, as the API's. */
  readonly residentKeysPath?: string;
  /** Port of GET /health (liveness and role); undefined: no HTTP at all. */
  readonly healthPort?: number;
  readonly healthHost: string;
  /** The outbound consumer, webhooks and broker relays, as the API's (docs/integrations.md): delivered by the projector holding the outbound lease. */
  readonly outbound: OutboundSettings;
  /** Residents' and staff's notifications, as the API's (docs/notifications.md): sent by the projector holding the outbound lease. */
  readonly notifications: NotificationSettings;
}

export class ProjectorConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads the variables (docs/operations.md) with the API's defaults; throws naming every bad one. */
export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name}=${raw} must be an integer from ${min} to ${max}`);
    return value;
  };
  const eventStoreUrl = env.SWITCHBOARD_EVENT_STORE || 'sqlite:./data/switchboard.db';
  // Like the API: the embedded shape keeps the read models in the event store's SQLite file.
  const readStoreUrl = env.SWITCHBOARD_READ_STORE || (eventStoreUrl.startsWith('sqlite:') ? eventStoreUrl : '');
  if (!readStoreUrl) problems.push('SWITCHBOARD_READ_STORE is required when the event store is not SQLite (e.g. postgres://user@host:5432/switchboard)');
  const config: ProjectorConfig = {
    eventStoreUrl,
    readStoreUrl,
    catalogPath: resolve(env.SWITCHBOARD_CATALOG || 'libs/ticketing/config/demo-catalog.json'),
    slaWatchIntervalMs: integer('SWITCHBOARD_SLA_WATCH_INTERVAL_MS', 15_000, 1_000, 3_600_000)!,
    residentRetentionIntervalMs: integer('SWITCHBOARD_RETENTION_WATCH_INTERVAL_MS', 3_600_000, 1_000, 86_400_000)!,
    queueFeedResumeDays: integer('SWITCHBOARD_QUEUE_FEED_RESUME_DAYS', DEFAULT_QUEUE_FEED_RESUME_DAYS, 1, 365)!,
    auditCheckpointIntervalMs: integer('SWITCHBOARD_AUDIT_CHECKPOINT_INTERVAL_MS', 900_000, 1_000, 86_400_000)!,
    auditSigningKey: env.SWITCHBOARD_AUDIT_SIGNING_KEY ? resolve(env.SWITCHBOARD_AUDIT_SIGNING_KEY) : undefined,
    residentKeysPath: residentKeysSetting(env.SWITCHBOARD_RESIDENT_KEYS),
    healthPort: integer('SWITCHBOARD_PROJECTOR_HEALTH_PORT', undefined, 0, 65535),
    healthHost: env.SWITCHBOARD_HOST || '127.0.0.1',
    outbound: outboundSettingsOf(env, problems),
    notifications: notificationSettingsOf(env, problems),
  };
  // The links in notices point at the API, which the projector cannot guess.
  if ((config.notifications.smtp || config.notifications.twilio) && !config.notifications.publicUrl) {
    problems.push(
      "SWITCHBOARD_PUBLIC_URL is required when notifications are on: the API's URL, where residents' unsubscribe links and staff's console links point",
    );
  }
  if (problems.length > 0) throw new ProjectorConfigError(problems);
  return config;
}
