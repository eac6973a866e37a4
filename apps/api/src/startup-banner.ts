import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { notificationChannels } from '@switchboard/outbound';
import { type ApiConfig, DEMO_USERS_PATH } from './config/api-config';

const DEMO_TOKENS_PATH = 'apps/api/config/demo-tokens.json';

/** What `npm start` prints: where the API, its docs and the web console are, and the demo tokens while the demo users are in use. */
export function startupBanner(config: ApiConfig, url: string): string {
  const lines = [`Switchboard API listening on ${url}`, `API docs: ${url}/docs`, `Web console: ${url}/console/`, `Event store: ${config.eventStoreUrl}`];
  lines.push(`Notifications: ${notificationChannels(config.notifications).join('; ')}`);
  if (config.usersPath === resolve(DEMO_USERS_PATH) && existsSync(DEMO_TOKENS_PATH)) {
    const { tokens } = JSON.parse(readFileSync(DEMO_TOKENS_PATH, 'utf8')) as { tokens: Record<string, string> };
    lines.push('Demo users (public tokens; set SWITCHBOARD_USERS for real ones; sign in to the web console with one):');
    for (const [user, token] of Object.entries(tokens)) lines.push(`  ${user.padEnd(18)} Authorization: Bearer ${token}`);
  }
  return lines.join('\n');
}
