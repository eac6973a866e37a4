import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ROLES, type Actor, type Role } from '@switchboard/ticketing';

/** A user of the embedded default: who they are and the sha256 of their bearer token. */
export interface ConfiguredUser extends Actor {
  readonly name?: string;
  readonly tokenSha256: string;
}

/** The hex sha256 of a bearer token: the only form in which tokens are stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Reads and checks a users file (`{ "users": [...] }`); throws naming the file and every problem. */
export function loadUsersFile(path: string): ConfiguredUser[] {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { users?: unknown };
  if (!Array.isArray(json.users)) throw new Error(`${path}: expected { "users": [ ... ] }`);
  const problems: string[] = [];
  const users = json.users.map((raw: Record<string, unknown>, index: number) => {
    const where = `${path}: users[${index}]`;
    if (typeof raw.id !== 'string' || raw.id === '') problems.push(`${where}.id must be a non-empty string`);
    if (!ROLES.includes(raw.role as Role)) problems.push(`${where}.role must be one of ${ROLES.join(', ')}`);
    if (typeof raw.tokenSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(raw.tokenSha256)) {
      problems.push(`${where}.tokenSha256 must be the hex sha256 of the token`);
    }
    if ((raw.role === 'staff' || raw.role === 'department_head') && typeof raw.department !== 'string') {
      problems.push(`${where}.department is required for ${String(raw.role)}`);
    }
    return raw as unknown as ConfiguredUser;
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return users;
}
