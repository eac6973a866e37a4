/**
 * The contacts page end to end: the real API (embedded SQLite, in-process projector) serving a
 * Vite build, driven in headless Debian Chromium. Contacts are recorded through the API (the
 * hand-worked Monday of apps/api/test/contacts.e2e.spec.ts); the page must show the API's own figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { as, pothole, startTestApi, type TestApi } from '../../api/test/api-harness';
import {
  accessibilityViolations,
  buildConsole,
  type ConsoleBrowser,
  containsText,
  launchChromium,
  lowContrastText,
  SCREENSHOTS,
  signedIn,
  unlabelledControls,
} from './browser';

jest.setTimeout(90_000);

const REPO = resolve(__dirname, '../../..');
/** Whether the console's router has the page yet: until then the page is served by a shell of its own, built for this test only. */
const ROUTED = readFileSync(join(REPO, 'apps/web/src/app.tsx'), 'utf8').includes('ContactsPage');

/** The contacts page alone, signed in with the token in session storage (the console's sign-in stores it there): for a run before the route is wired. */
const SHELL = `
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from '../../apps/web/src/lib/api-client';
import { useRoute } from '../../apps/web/src/lib/router';
import { ContactsPage } from '../../apps/web/src/pages/contacts/contacts-page';
import { SessionContext, storedToken } from '../../apps/web/src/session';
import '../../apps/web/src/styles.css';

function Shell() {
  const route = useRoute();
  const [session, setSession] = useState();
  useEffect(() => {
    const api = new ApiClient(storedToken() ?? '');
    void Promise.all([api.get('/me', {}), api.get('/departments', {})]).then(([me, catalog]) => {
      const names = new Map(catalog.departments.map((d) => [d.id, d.name]));
      const skew = Date.parse(me.now) - Date.now();
      setSession({ api, me, catalog, now: () => new Date(Date.now() + skew), departmentName: (id) => names.get(id) ?? id, serviceName: (c) => c, signOut: () => undefined });
    });
  }, []);
  if (!session) return <p>Signing in…</p>;
  return (
    <SessionContext.Provider value={session}>
      <header className="top-bar"><span className="brand">Switchboard</span><button type="button" className="link-button">Sign out</button></header>
      <main id="main" className="page"><ContactsPage query={route.query} /></main>
    </SessionContext.Provider>
  );
}
createRoot(document.getElementById('root')).render(<StrictMode><Shell /></StrictMode>);
`;

function buildShell(): string {
  const root = join(REPO, 'test-output', 'contacts-shell');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'main.jsx'), SHELL);
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard</title></head><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>',
  );
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-web-contacts-'));
  const script = `import('vite').then((vite) => vite.build({ root: ${JSON.stringify(root)}, base: '/console/', configFile: false, logLevel: 'warn', oxc: { jsx: { runtime: 'automatic' } }, build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, target: 'es2022' } }))`;
  const build = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build of the contacts shell failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  return outDir;
}

let api: TestApi;
let browser: Browser;
let base: string;
let consoleDir: string;

/** The demo city's Monday 2 November 2026, local midnight to midnight (America/New_York). */
const monday = 'from=2026-11-02T05:00:00Z&to=2026-11-03T05:00:00Z';
const address = '/console/contacts?from=2026-11-02&to=2026-11-02&groupBy=line&period=day';

/** Three contacts on Monday (A: DPW line, answered from an article after two searches that found nothing; B: Treasurer line, a ticket, a transfer to DPW not reached, a callback made; C: DPW walk-in, abandoned), and one search on an open contact D. */
async function recordMonday(): Promise<string> {
  const article = {
    ownerDepartment: 'DPW',
    content: {
      translations: { en: { title: 'What day is my trash picked up?', answer: 'Once a week.' } },
      keywords: ['trash'],
      synonyms: ['garbage day'],
      serviceCodes: [],
      reviewEveryDays: 180,
    },
  };
  await api.command('/knowledge/articles/trash-day/draft', as.dpwHead, article);
  await api.command('/knowledge/articles/trash-day/publish', as.dpwHead, {});
  await api.command('/contacts/A/start', as.operator, { channel: 'phone', line: 'DPW' });
  for (const q of ['¿Zzyzx qwrtp?', 'zzyzx  QWRTP', 'garbage day'])
    await api.request('GET', `/knowledge/search?q=${encodeURIComponent(q)}&contactId=A`, { token: as.operator });
  await api.command('/contacts/A/article', as.operator, { articleId: 'trash-day' });
  api.clock.advance(4);
  await api.command('/contacts/A/end', as.operator, { outcome: 'handled' });
  api.clock.advance(6);
  await api.command('/contacts/B/start', as.operator, { channel: 'phone', line: 'TREASURER', resident: { name: 'Rosa Diaz', phone: '978-555-0199' } });
  const ticket = await api.command('/tickets', as.operator, pothole);
  await api.command('/contacts/B/ticket', as.operator, { ticketId: ticket.body.ticketId, relation: 'opened' });
  await api.command('/contacts/B/transfer', as.operator, { department: 'DPW', reached: false });
  api.clock.advance(4);
  await api.command('/contacts/B/callback', as.operator, { department: 'DPW', dueBy: '2026-11-03T21:00:00Z' }, { 'Idempotency-Key': 'cb-1' });
  api.clock.advance(6);
  await api.command('/contacts/B/end', as.operator, { outcome: 'handled' });
  api.clock.advance(114);
  await api.command('/contacts/B/complete-callback', as.dpwStaff, { callbackId: 'cb-1', reached: true });
  api.clock.advance(16);
  await api.command('/contacts/C/start', as.operator, { channel: 'walk_in', line: 'DPW' });
  api.clock.advance(1);
  await api.command('/contacts/C/end', as.operator, { outcome: 'abandoned' });
  api.clock.advance(10);
  await api.command('/contacts/D/start', as.operator, { channel: 'chat', line: 'TREASURER' });
  const last = await api.request('GET', `/knowledge/search?q=${encodeURIComponent('blorft vexquip')}&contactId=D`, { token: as.operator });
  return last.body.recorded.position;
}

let position: string;
/** Department names by id, as the catalog gives them. */
let names: Map<string, string>;

beforeAll(async () => {
  consoleDir = ROUTED ? buildConsole() : buildShell();
  api = await startTestApi({ consoleDir });
  base = await api.app.getUrl();
  browser = await launchChromium();
  position = await recordMonday();
  names = new Map((await api.request('GET', '/departments', { token: as.director })).body.departments.map((d: { id: string; name: string }) => [d.id, d.name]));
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
});

/** The page at `path` for `token`: through the console's sign-in once the route is wired, else the shell with the token put where the sign-in puts it. */
async function opened(token: string, path: string): Promise<ConsoleBrowser> {
  if (ROUTED) return signedIn(browser, base, token, path);
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce', bypassCSP: true });
  await context.addInitScript((t) => sessionStorage.setItem('switchboard.console.token', t), token);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}${path}`);
  return {
    context,
    page,
    async close() {
      await context.close();
      expect(errors).toEqual([]);
    },
  };
}

async function checked(page: Page, name: string): Promise<void> {
  expect(await unlabelledControls(page)).toEqual([]);
  expect(await lowContrastText(page)).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The cells of a table's body rows, as text. */
const cellsOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .evaluate((table) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)} %`);

describe('the contacts page', () => {
  it('the director sees the API’s figures, heat map and gaps list; axe-core and contrast pass', async () => {
    const report = (await api.request('GET', `/metrics/contacts?${monday}&groupBy=line&period=range&position=${position}`, { token: as.director })).body;
    const gaps = (await api.request('GET', `/metrics/contacts/gaps?${monday}&position=${position}`, { token: as.director })).body.gaps;
    const busiest = (await api.request('GET', `/metrics/contacts/busiest?${monday}&position=${position}`, { token: as.director })).body.lines;

    const director = await opened(as.director, address);
    const { page } = director;
    await page.getByTestId('contacts-table').waitFor();
    await containsText(page.getByTestId('contacts-status'), 'live figures');

    // Contacts by line, most first: every figure as the API answers it.
    const rows = await cellsOf(page, 'contacts-table');
    const expected = [...report.contacts]
      .sort((a, b) => b.contacts - a.contacts)
      .map((c: { group: string; contacts: number; handled: number; abandoned: number; open: number }) => {
        const first = report.firstContact.find((f: { group: string }) => f.group === c.group);
        const handle = report.handleTimes.find((h: { group: string }) => h.group === c.group);
        return [
          names.get(c.group),
          c.contacts,
          c.handled,
          c.abandoned,
          c.open,
          first.answeredAtFirstContact,
          pct(first.rate),
          `${handle.medianMinutes.toFixed(1)} min`,
          `${handle.p90Minutes.toFixed(1)} min`,
        ].map(String);
      });
    expect(rows).toEqual(expected);
    // The hand-worked Monday: DPW 2 contacts (1 answered at first contact, 4 min), Treasurer 2 (one still open; 0 answered, 10 min).
    expect(expected[0].slice(1)).toEqual(['2', '1', '1', '0', '1', '100 %', '4.0 min', '4.0 min']);
    await containsText(page.getByTestId('contact-totals'), '4 contacts in the range; 1 answered at first contact.');

    // Transfers and callbacks by department, and the article used.
    const transfer = report.transfers[0];
    expect(await cellsOf(page, 'transfers-table')).toEqual([
      [
        'Public Works',
        String(transfer.transferred),
        pct(transfer.transferRate),
        String(transfer.transfers),
        String(transfer.reached),
        pct(transfer.reachedRate),
      ],
    ]);
    expect(await cellsOf(page, 'callbacks-table')).toEqual([['Public Works', '1', '1', '1', '0', '0', '2.0 h', '2.0 h']]);
    expect(report.callbacks[0]).toMatchObject({ promised: 1, completed: 1, reached: 1, open: 0, late: 0, timeToComplete: { medianHours: 2, p90Hours: 2 } });
    expect(await cellsOf(page, 'articles-table')).toEqual([['trash-day', '1', '1']]);

    // The heat map: every cell of every line is the API's count.
    expect(busiest.map((line: { line: string }) => line.line)).toEqual(['DPW', 'TREASURER']);
    for (const line of busiest as { line: string; byWeekdayAndHour: number[][] }[]) {
      const grid = await cellsOf(page, `heat-map-${line.line}`);
      expect(grid.map((row) => row[0])).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
      expect(grid.map((row) => row.slice(1).map(Number))).toEqual(line.byWeekdayAndHour);
    }
    expect(busiest[0].byWeekdayAndHour[0][9]).toBe(1);
    expect(busiest[0].byWeekdayAndHour[0][11]).toBe(1);
    await containsText(page.getByTestId('busiest-DPW'), 'Monday 09:00 (1), Monday 11:00 (1)');

    // The gaps list: most asked first, as the API counts them.
    expect(gaps.map((g: { query: string; count: number }) => [g.query, g.count])).toEqual([
      ['zzyzx qwrtp', 2],
      ['blorft vexquip', 1],
    ]);
    const gapRows = await cellsOf(page, 'gaps-table');
    expect(gapRows.map((row) => [row[0], row[1], row[2]])).toEqual(
      gaps.map((g: { example: string; count: number; lines: string[] }) => [g.example, String(g.count), names.get(g.lines[0])]),
    );

    await page.locator('details.chart-numbers summary').first().click();
    await checked(page, 'contacts');
    await director.close();
  });

  it('a department head sees their own line only; staff are refused in words', async () => {
    const head = await opened(as.dpwHead, address);
    await head.page.getByTestId('contacts-table').waitFor();
    expect((await cellsOf(head.page, 'contacts-table')).map((row) => row[0])).toEqual(['Public Works']);
    await head.page.getByTestId('heat-map-DPW').waitFor();
    expect(await head.page.getByTestId('heat-map-TREASURER').count()).toBe(0);
    expect((await cellsOf(head.page, 'gaps-table')).map((row) => row[0])).toEqual([expect.stringMatching(/zzyzx/i)]);
    await containsText(head.page.getByTestId('contacts-status'), 'Public Works line');
    await head.close();

    const staff = await opened(as.dpwStaff, address);
    await containsText(staff.page.getByRole('alert'), 'You are not allowed to see these contact figures.');
    await checked(staff.page, 'contacts-refused');
    await staff.close();
  });
});
