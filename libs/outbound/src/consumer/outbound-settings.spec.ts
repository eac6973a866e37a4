import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { outboundSettingsOf } from './outbound-settings';

const read = (env: NodeJS.ProcessEnv) => {
  const problems: string[] = [];
  return { settings: outboundSettingsOf(env, problems), problems };
};

describe('outbound settings', () => {
  it('defaults: on, from the head, the default retry policy, webhooks only', () => {
    const { settings, problems } = read({});
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      enabled: true,
      startAt: 'head',
      retry: DEFAULT_RETRY_POLICY,
      concurrency: 8,
      webhooks: { timeoutMs: 10_000, rotationOverlapMs: 24 * 3_600_000 },
      nats: undefined,
      rabbitmq: undefined,
    });
  });

  it('turns the relays on by their URLs, with their names', () => {
    const { settings, problems } = read({
      SWITCHBOARD_NATS_URL: 'nats://127.0.0.1:4222, nats://127.0.0.2:4222',
      SWITCHBOARD_NATS_STREAM: 'CITY_TICKETS',
      SWITCHBOARD_NATS_SUBJECT_PREFIX: 'city.tickets',
      SWITCHBOARD_AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
      SWITCHBOARD_AMQP_EXCHANGE: 'city.tickets',
      SWITCHBOARD_OUTBOUND_START: 'beginning',
      SWITCHBOARD_OUTBOUND: 'off',
    });
    expect(problems).toEqual([]);
    expect(settings.nats).toEqual({
      servers: 'nats://127.0.0.1:4222,nats://127.0.0.2:4222',
      stream: 'CITY_TICKETS',
      subjectPrefix: 'city.tickets',
      duplicateWindowMs: 3_600_000,
    });
    expect(settings.rabbitmq).toEqual({ url: 'amqp://guest:guest@127.0.0.1:5672', exchange: 'city.tickets' });
    expect(settings).toMatchObject({ enabled: false, startAt: 'beginning' });
  });

  it('names every bad variable, and never echoes the broker password', () => {
    const { problems } = read({
      SWITCHBOARD_OUTBOUND: 'maybe',
      SWITCHBOARD_OUTBOUND_START: 'yesterday',
      SWITCHBOARD_OUTBOUND_MAX_ATTEMPTS: '0',
      SWITCHBOARD_OUTBOUND_RETRY_BASE_MS: '5000',
      SWITCHBOARD_OUTBOUND_RETRY_MAX_MS: '1000',
      SWITCHBOARD_OUTBOUND_CONCURRENCY: 'many',
      SWITCHBOARD_WEBHOOK_ROTATION_HOURS: '-1',
      SWITCHBOARD_NATS_URL: 'http://127.0.0.1:4222',
      SWITCHBOARD_NATS_SUBJECT_PREFIX: 'city.*',
      SWITCHBOARD_NATS_STREAM: 'a.b',
      SWITCHBOARD_AMQP_URL: 'rabbit://guest:s3cret@host',
      SWITCHBOARD_AMQP_EXCHANGE: 'amq.topic',
    });
    expect(problems.map((problem) => problem.split(/[= ]/)[0])).toEqual([
      'SWITCHBOARD_OUTBOUND_MAX_ATTEMPTS',
      'SWITCHBOARD_OUTBOUND_RETRY_MAX_MS',
      'SWITCHBOARD_OUTBOUND',
      'SWITCHBOARD_OUTBOUND_START',
      'SWITCHBOARD_OUTBOUND_CONCURRENCY',
      'SWITCHBOARD_WEBHOOK_ROTATION_HOURS',
      'SWITCHBOARD_NATS_URL',
      'SWITCHBOARD_NATS_STREAM',
      'SWITCHBOARD_NATS_SUBJECT_PREFIX',
      'SWITCHBOARD_AMQP_URL',
      'SWITCHBOARD_AMQP_EXCHANGE',
    ]);
    expect(problems.join('\n')).not.toContain('s3cret');
  });
});
