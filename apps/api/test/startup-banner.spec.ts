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
});
