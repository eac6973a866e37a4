import { createContext, useContext } from 'react';
import type { ApiClient } from './lib/api-client';
import type { Catalog, Me } from './lib/api-types';

/** The signed-in person, their API client, and the catalog for names. */
export interface Session {
  readonly api: ApiClient;
  readonly me: Me;
  readonly catalog: Catalog;
  /** The API clock's "now" (the browser's clock corrected by the offset seen at sign-in). */
  readonly now: () => Date;
  readonly departmentName: (id: string) => string;
  readonly serviceName: (code: string) => string;
  readonly signOut: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

const TOKEN_KEY = 'switchboard.console.token';

/** The token lives in this tab's session storage: closing the tab signs out. */
export const storedToken = (): string | null => window.sessionStorage.getItem(TOKEN_KEY);
export const storeToken = (token: string): void => window.sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = (): void => window.sessionStorage.removeItem(TOKEN_KEY);

/** Who may see what in the console (the API enforces the same; the console only hides what would be refused). */
export const may = {
  seeDashboard: (me: Me) => me.role === 'director' || me.role === 'department_head',
  seeAnyQueue: (me: Me) => me.role === 'director' || me.role === 'operator',
  workQueue: (me: Me, department: string) => me.role === 'director' || ((me.role === 'staff' || me.role === 'department_head') && me.department === department),
  useConsole: (me: Me) => me.role !== 'resident',
};
