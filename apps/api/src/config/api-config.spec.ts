import { ApiConfigError, loadApiConfig } from './api-config';

describe('loadApiConfig: SWITCHBOARD_QUEUE_FEED_RESUME_DAYS', () => {
  const refusal = (value: string): string => {
    try {
      loadApiConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: value });
    } catch (error) {
      if (error instanceof ApiConfigError) return error.problems.join('\n');
      throw error;
    }
    throw new Error(`${value} was accepted`);
  };

  it('keeps 7 days of queue changes unless told otherwise', () => {
    expect(loadApiConfig({}).queueFeedResumeDays).toBe(7);
    expect(loadApiConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '' }).queueFeedResumeDays).toBe(7);
    expect(loadApiConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '30' }).queueFeedResumeDays).toBe(30);
    expect(loadApiConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '1' }).queueFeedResumeDays).toBe(1);
    expect(loadApiConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '365' }).queueFeedResumeDays).toBe(365);
  });

  it.each(['0', '-7', '1.5', '366', 'seven', '7d'])('refuses %p, naming the variable and what it must be', (value) => {
    expect(refusal(value)).toBe(`SWITCHBOARD_QUEUE_FEED_RESUME_DAYS=${value} must be an integer from 1 to 365`);
  });
});

describe('loadApiConfig: the port', () => {
  it('listens on 3000, on a platform’s PORT when SWITCHBOARD_PORT is unset, and on SWITCHBOARD_PORT when both are set', () => {
    expect(loadApiConfig({}).port).toBe(3000);
    expect(loadApiConfig({ PORT: '8080' }).port).toBe(8080);
    expect(loadApiConfig({ PORT: '8080', SWITCHBOARD_PORT: '3100' }).port).toBe(3100);
  });

  it('refuses a PORT that is no port, naming it', () => {
    expect(() => loadApiConfig({ PORT: 'http' })).toThrow(/PORT=http must be an integer from 0 to 65535/);
  });
});
