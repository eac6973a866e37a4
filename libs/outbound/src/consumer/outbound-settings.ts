import type { NatsRelaySettings } from '../brokers/nats-jetstream-relay';
import type { RabbitMqRelaySettings } from '../brokers/rabbitmq-relay';
import type { OutboundStart } from './outbound-consumer';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** The outbound side's settings, read from SWITCHBOARD_* variables by the API and the projector alike (docs/operations.md, "Outbound"). */
export interface OutboundSettings {
  /** SWITCHBOARD_OUTBOUND=off stops the consumer in this process (the log keeps everything; it resumes from its checkpoint when on again). */
  readonly enabled: boolean;
  /** SWITCHBOARD_OUTBOUND_START: where a consumer without a checkpoint begins (`head`, the default, or `beginning`). */
  readonly startAt: OutboundStart;
  readonly retry: RetryPolicy;
  /** SWITCHBOARD_OUTBOUND_CONCURRENCY: deliveries attempted at once. */
  readonly concurrency: number;
  readonly webhooks: {
    /** SWITCHBOARD_WEBHOOK_TIMEOUT_MS: a receiver that has not answered by then failed the attempt. */
    readonly timeoutMs: number;
    /** SWITCHBOARD_WEBHOOK_ROTATION_HOURS: how long the previous secret goes on signing after a rotation, unless the rotation says otherwise. */
    readonly rotationOverlapMs: number;
  };
  /** SWITCHBOARD_NATS_URL and the rest: absent, nothing is relayed to NATS. */
  readonly nats?: NatsRelaySettings;
  /** SWITCHBOARD_AMQP_URL and the rest: absent, nothing is relayed to RabbitMQ. */
  readonly rabbitmq?: RabbitMqRelaySettings;
}

const ONE_OF = <T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback: T, problems: string[]): T => {
  const value = (raw || fallback) as T;
  if (!choices.includes(value)) problems.push(`${name}=${raw} must be one of ${choices.join(', ')}`);
  return value;
};

/** Reads the outbound settings; every bad variable is added to `problems` in words naming it. */
export function outboundSettingsOf(env: NodeJS.ProcessEnv, problems: string[]): OutboundSettings {
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name}=${raw} must be an integer from ${min} to ${max}`);
    return value;
  };
  const retry: RetryPolicy = {
    maxAttempts: integer('SWITCHBOARD_OUTBOUND_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1, 100),
    baseDelayMs: integer('SWITCHBOARD_OUTBOUND_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 10, 3_600_000),
    maxDelayMs: integer('SWITCHBOARD_OUTBOUND_RETRY_MAX_MS', DEFAULT_RETRY_POLICY.maxDelayMs, 10, 86_400_000),
  };
  if (retry.maxDelayMs < retry.baseDelayMs) problems.push('SWITCHBOARD_OUTBOUND_RETRY_MAX_MS must be at least SWITCHBOARD_OUTBOUND_RETRY_BASE_MS');
  return {
    enabled: ONE_OF('SWITCHBOARD_OUTBOUND', env.SWITCHBOARD_OUTBOUND, ['on', 'off'], 'on', problems) === 'on',
    startAt: ONE_OF('SWITCHBOARD_OUTBOUND_START', env.SWITCHBOARD_OUTBOUND_START, ['head', 'beginning'], 'head', problems),
    retry,
    concurrency: integer('SWITCHBOARD_OUTBOUND_CONCURRENCY', 8, 1, 256),
    webhooks: {
      timeoutMs: integer('SWITCHBOARD_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      rotationOverlapMs: integer('SWITCHBOARD_WEBHOOK_ROTATION_HOURS', 24, 0, 720) * 3_600_000,
    },
    nats: natsOf(env, problems, integer),
    rabbitmq: rabbitmqOf(env, problems),
  };
}

function natsOf(
  env: NodeJS.ProcessEnv,
  problems: string[],
  integer: (name: string, fallback: number, min: number, max: number) => number,
): NatsRelaySettings | undefined {
  const servers = env.SWITCHBOARD_NATS_URL;
  if (!servers) return undefined;
  if (!servers.split(',').every((server) => /^(nats|tls):\/\/[^/\s]+$/.test(server.trim()))) {
    problems.push(`SWITCHBOARD_NATS_URL=${servers} must be nats://host:port (several comma-separated)`);
  }
  const stream = env.SWITCHBOARD_NATS_STREAM || 'SWITCHBOARD_TICKETS';
  if (!/^[A-Za-z0-9_-]+$/.test(stream)) problems.push(`SWITCHBOARD_NATS_STREAM=${stream} must be letters, digits, _ and - only`);
  const subjectPrefix = env.SWITCHBOARD_NATS_SUBJECT_PREFIX || 'switchboard.tickets';
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix)) {
    problems.push(`SWITCHBOARD_NATS_SUBJECT_PREFIX=${subjectPrefix} must be dot-separated tokens of letters, digits, _ and - (no wildcards)`);
  }
  return {
    servers: servers
      .split(',')
      .map((server) => server.trim())
      .join(','),
    stream,
    subjectPrefix,
    duplicateWindowMs: integer('SWITCHBOARD_NATS_DUPLICATE_WINDOW_MS', 3_600_000, 1_000, 7 * 86_400_000),
  };
}

function rabbitmqOf(env: NodeJS.ProcessEnv, problems: string[]): RabbitMqRelaySettings | undefined {
  const url = env.SWITCHBOARD_AMQP_URL;
  if (!url) return undefined;
  if (!/^amqps?:\/\/[^\s]+$/.test(url)) problems.push(`SWITCHBOARD_AMQP_URL must be amqp://user:password@host:port[/vhost] (or amqps://)`);
  const exchange = env.SWITCHBOARD_AMQP_EXCHANGE || 'switchboard.tickets';
  if (!/^[A-Za-z0-9_.:-]+$/.test(exchange) || exchange.startsWith('amq.')) {
    problems.push(`SWITCHBOARD_AMQP_EXCHANGE=${exchange} must be letters, digits, _ . : and - (not amq.*, which the broker reserves)`);
  }
  return { url, exchange };
}
