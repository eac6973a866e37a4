import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from './components/link';
import { ProblemNotice } from './components/problem-notice';
import { ApiClient, ApiProblem } from './lib/api-client';
import type { Problem } from './lib/api-types';
import { navigate, useRoute } from './lib/router';
import { roleInWords } from './lib/words';
import { ContactsPage } from './pages/contacts/contacts-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { DeskPage } from './pages/desk/desk-page';
import { IntakePage } from './pages/intake/intake-page';
import { takesContacts } from './pages/desk/who-takes-contacts';
import { FindPage } from './pages/find-page';
import { HomePage } from './pages/home-page';
import { ArticlePage } from './pages/knowledge/article-page';
import { KnowledgePage } from './pages/knowledge/knowledge-page';
import { NewArticlePage } from './pages/knowledge/new-article-page';
import { AvailabilityToggle } from './pages/phone-coverage/availability-toggle';
import { CoveragePage } from './pages/phone-coverage/coverage-page';
import { RosterPage } from './pages/phone-coverage/roster-page';
import { QueuePage } from './pages/queue/queue-page';
import { SignInPage } from './pages/sign-in-page';
import { TicketPage } from './pages/ticket/ticket-page';
import { forgetToken, may, type Session, SessionContext, storedToken, storeToken, useSession } from './session';

type Loaded = { state: 'signed-out'; problem?: Problem } | { state: 'loading' } | { state: 'signed-in'; session: Session };

async function signIn(token: string, signOut: () => void, expired: (problem: Problem) => void): Promise<Session> {
  const api = new ApiClient(token, expired);
  const sent = Date.now();
  const [me, catalog] = await Promise.all([api.get('/me', {}), api.get('/departments', {})]);
  // The API's clock is the console's "now" (reports, overdue): keep the offset to the browser's.
  const skew = Date.parse(me.now) - (sent + Date.now()) / 2;
  const departments = new Map(catalog.departments.map((d) => [d.id, d.name]));
  const services = new Map(catalog.departments.flatMap((d) => d.services.map((s) => [s.code, s.name] as const)));
  return {
    api,
    me,
    catalog,
    now: () => new Date(Date.now() + skew),
    departmentName: (id) => departments.get(id) ?? id,
    serviceName: (code) => services.get(code) ?? code,
    signOut,
  };
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>(() => (storedToken() ? { state: 'loading' } : { state: 'signed-out' }));
  const route = useRoute();

  const signOut = useCallback(() => {
    forgetToken();
    setLoaded({ state: 'signed-out' });
    navigate('/sign-in');
  }, []);

  // The API stopped accepting the token mid-session: back to sign-in, saying why.
  const expired = useCallback((problem: Problem) => {
    forgetToken();
    setLoaded({ state: 'signed-out', problem });
  }, []);

  // Signs in with a token: what the app shows next (signed in, or signed out saying why).
  const attempt = useCallback(
    async (token: string): Promise<Loaded> => {
      try {
        const session = await signIn(token, signOut, expired);
        storeToken(token);
        return { state: 'signed-in', session };
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        forgetToken();
        return { state: 'signed-out', problem: error.problem };
      }
    },
    [signOut, expired],
  );

  const start = useCallback(
    async (token: string): Promise<Problem | undefined> => {
      const next = await attempt(token);
      setLoaded(next);
      return next.state === 'signed-out' ? next.problem : undefined;
    },
    [attempt],
  );

  // A token kept from earlier in this tab signs in again on load.
  useEffect(() => {
    const token = storedToken();
    if (token) void attempt(token).then(setLoaded);
  }, [attempt]);

  if (loaded.state === 'loading')
    return (
      <p className="loading" aria-busy="true">
        Signing in…
      </p>
    );
  if (loaded.state === 'signed-out') {
    return (
      <SignInPage
        initialProblem={loaded.problem}
        onSignIn={async (token) => {
          const problem = await start(token);
          if (!problem && route.path === '/sign-in') navigate('/', { replace: true });
          return problem;
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={loaded.session}>
      <Shell path={route.path} query={route.query} />
    </SessionContext.Provider>
  );
}

function Shell({ path, query }: { path: string; query: URLSearchParams }) {
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const [lookup, setLookup] = useState('');
  const { me } = session;

  // Move focus to the page's content on navigation, so keyboard and screen-reader users start there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);

  const page = useMemo(() => pageFor(path, query), [path, query]);

  if (!may.useConsole(me)) {
    return (
      <main className="page narrow">
        <h1>Switchboard console</h1>
        <ProblemNotice
          problem={{
            statusCode: 403,
            error: 'Forbidden',
            message: 'The console is for city staff; residents follow their requests through the city’s Open311 apps.',
          }}
          action="use the console"
        />
        <button type="button" onClick={session.signOut}>
          Sign out
        </button>
      </main>
    );
  }

  const ownQueue = me.department ? `/departments/${me.department}/queue` : undefined;
  const ownRoster = me.department && me.may.phoneLinesOf.includes(me.department) ? `/departments/${me.department}/roster` : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="top-bar">
        <span className="brand">Switchboard</span>
        <nav aria-label="Main">
          <ul>
            {takesContacts(me) && (
              <li>
                <Link to="/desk" aria-current={path === '/desk' ? 'page' : undefined}>
                  Desk
                </Link>
              </li>
            )}
            {me.may.intakeQueue && (
              <li>
                <Link to="/intake" aria-current={path === '/intake' ? 'page' : undefined}>
                  Intake
                </Link>
              </li>
            )}
            {may.seeDashboard(me) && (
              <li>
                <Link to="/dashboard" aria-current={path === '/dashboard' ? 'page' : undefined}>
                  Dashboard
                </Link>
              </li>
            )}
            {may.seeContacts(me) && (
              <li>
                <Link to="/contacts" aria-current={path === '/contacts' ? 'page' : undefined}>
                  Contacts
                </Link>
              </li>
            )}
            {me.may.phoneCoverageReports && (
              <li>
                <Link to="/phone-coverage" aria-current={path === '/phone-coverage' ? 'page' : undefined}>
                  Phone coverage
                </Link>
              </li>
            )}
            {ownRoster && (
              <li>
                <Link to={ownRoster} aria-current={path === ownRoster ? 'page' : undefined}>
                  Phone roster
                </Link>
              </li>
            )}
            {ownQueue && (
              <li>
                <Link to={ownQueue} aria-current={path === ownQueue ? 'page' : undefined}>
                  {session.departmentName(me.department!)} queue
                </Link>
              </li>
            )}
            {may.seeAnyQueue(me) && (
              <li>
                <Link to="/queues" aria-current={path === '/queues' ? 'page' : undefined}>
                  Queues
                </Link>
              </li>
            )}
            <li>
              <Link to="/tickets" aria-current={path === '/tickets' ? 'page' : undefined}>
                Find tickets
              </Link>
            </li>
            <li>
              <Link to="/knowledge" aria-current={path === '/knowledge' ? 'page' : undefined}>
                Knowledge
              </Link>
            </li>
          </ul>
        </nav>
        <form
          className="lookup"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            const id = lookup.trim().toUpperCase();
            if (id) navigate(`/tickets/${encodeURIComponent(id)}`);
          }}
        >
          <label htmlFor="ticket-lookup">Ticket</label>
          <input id="ticket-lookup" type="search" placeholder="e.g. K7M-4QX2" value={lookup} onChange={(e) => setLookup(e.target.value)} />
          <button type="submit">Open</button>
        </form>
        <AvailabilityToggle />
        <div className="who">
          <span>{me.name}</span>
          {/* Demo names already say the role; names from an identity provider do not. */}
          {!me.name.toLowerCase().includes(roleInWords(me.role).toLowerCase()) && (
            <span className="role">
              ({roleInWords(me.role)}
              {me.department ? `, ${session.departmentName(me.department)}` : ''})
            </span>
          )}
          <button type="button" className="link-button" onClick={session.signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        {page}
      </main>
    </>
  );
}

function pageFor(path: string, query: URLSearchParams) {
  if (path === '/' || path === '/sign-in') return <HomePage />;
  if (path === '/desk') return <DeskPage />;
  if (path === '/intake') return <IntakePage />;
  if (path === '/dashboard') return <DashboardPage query={query} />;
  if (path === '/contacts') return <ContactsPage query={query} />;
  if (path === '/queues') return <QueuePage department={undefined} />;
  const queue = /^\/departments\/([^/]+)\/queue$/.exec(path);
  if (queue) return <QueuePage department={decodeURIComponent(queue[1])} />;
  if (path === '/phone-coverage') return <CoveragePage query={query} />;
  const roster = /^\/departments\/([^/]+)\/roster$/.exec(path);
  if (roster) return <RosterPage key={roster[1]} department={decodeURIComponent(roster[1])} />;
  if (path === '/tickets') return <FindPage query={query} />;
  const ticket = /^\/tickets\/([^/]+)$/.exec(path);
  if (ticket) return <TicketPage key={ticket[1]} ticketId={decodeURIComponent(ticket[1])} />;
  if (path === '/knowledge') return <KnowledgePage />;
  if (path === '/knowledge/new') return <NewArticlePage />;
  const article = /^\/knowledge\/([^/]+)$/.exec(path);
  if (article) return <ArticlePage key={article[1]} articleId={decodeURIComponent(article[1])} />;
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no console page at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </>
  );
}
