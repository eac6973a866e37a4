import { loadApiConfig } from '../src/config/api-config';
import { startupBanner } from '../src/startup-banner';
import { as } from './api-harness';

describe('the startup banner', () => {
  it('names the API, its docs and the web console, and prints the demo tokens while the demo users are in use', () => {
    const banner = startupBanner(loadApiConfig({}), 'http://localhost:3000');
    expect(banner).toContain('Switchboard API listening on http://localhost:3000');
    expect(banner).toContain('Web console: http://localhost:3000/console/');
    expect(banner).toContain(`Authorization: Bearer ${as.director}`);
  });

  it("prints no tokens for a users file of the city's own", () => {
    const banner = startupBanner(loadApiConfig({ SWITCHBOARD_USERS: 'docker/config/users.json' }), 'http://localhost:3000');
    expect(banner).toContain('Web console: http://localhost:3000/console/');
    expect(banner).not.toContain(as.director);
  });

  it('says which notification channels are on, without the SMTP password or the SMS token', () => {
    expect(startupBanner(loadApiConfig({}), 'http://localhost:3000')).toContain(
      'Notifications: e-mail off (set SWITCHBOARD_SMTP_URL and SWITCHBOARD_SMTP_FROM); text messages off (set SWITCHBOARD_SMS_PROVIDER=twilio and SWITCHBOARD_TWILIO_*)',
    );
    const on = startupBanner(
      loadApiConfig({
        SWITCHBOARD_SMTP_URL: 'smtp://relay:s3cret@mail.city.example:587',
        SWITCHBOARD_SMTP_FROM: 'City 311 <311@city.example>',
        SWITCHBOARD_SMS_PROVIDER: 'twilio',
        SWITCHBOARD_TWILIO_ACCOUNT_SID: 'AC123',
        SWITCHBOARD_TWILIO_AUTH_TOKEN: 'tok3n',
        SWITCHBOARD_TWILIO_FROM: '+19785550100',
      }),
      'http://localhost:3000',
    );
    expect(on).toContain(
      'Notifications: e-mail on: SMTP smtp://relay:***@mail.city.example:587 as City 311 <311@city.example>; text messages on: the Twilio Messages API at https://api.twilio.com (account AC123) from +19785550100',
    );
    expect(on).not.toMatch(/s3cret|tok3n/);
  });

  it('refuses notification settings that cannot work, naming each variable', () => {
    expect(() => loadApiConfig({ SWITCHBOARD_SMTP_URL: 'http://mail', SWITCHBOARD_SMS_PROVIDER: 'twilio', SWITCHBOARD_UNSUBSCRIBE_SECRET: 'abcd' })).toThrow(
      /SWITCHBOARD_SMTP_URL must be an smtp:\/\/[^]*SWITCHBOARD_SMTP_FROM is required[^]*SWITCHBOARD_TWILIO_ACCOUNT_SID, SWITCHBOARD_TWILIO_AUTH_TOKEN, SWITCHBOARD_TWILIO_FROM[^]*SWITCHBOARD_UNSUBSCRIBE_SECRET must be 32 bytes/,
    );
  });
});
