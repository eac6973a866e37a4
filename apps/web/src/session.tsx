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

/**
 * What the console shows, read off `/me`'s `may` (the API's read rules judged for the caller): the
 * console restates no rule, it only hides what the API would refuse.
 */
export const may = {
  seeDashboard: (me: Me) => me.may.completionMetricsBy.length > 0,
  seeContacts: (me: Me) => me.may.contactMetrics,
  seeAnyQueue: (me: Me) => me.may.readQueuesOf.some((department) => department !== me.department),
  workQueue: (me: Me, department: string) => me.may.claimFromQueuesOf.includes(department),
  useConsole: (me: Me) => me.may.staffApi,
};
