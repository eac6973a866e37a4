/**
 * The console end to end: the real API (embedded SQLite, in-process projector) serving the real
 * Vite build, driven in headless Debian Chromium. Screenshots go to test-output/console/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { answersFor, as, startTestApi, type TestApi } from '../../api/test/api-harness';
import {
  accessibilityViolations,
  atPath,
  buildConsole,
  canvasIsDrawn,
  containsText,
  countBecomes,
  fitsTheWidth,
  launchChromium,
  lowContrastText,
  SCREENSHOTS,
  signedIn,
  unlabelledControls,
} from './browser';

jest.setTimeout(90_000);

let api: TestApi;
let browser: Browser;
let base: string;
let consoleDir: string;
/** The event log and read models, in a folder of the test's own, so the API can be restarted on them. */
let dataDir: string;
let lastPosition = '';

/** Ids of the seeded tickets. */
const seeded: Record<'pothole' | 'potholeTwo' | 'snow' | 'question' | 'light', string> = { pothole: '', potholeTwo: '', snow: '', question: '', light: '' };

async function run(url: string, token: string, body?: unknown): Promise<void> {
  lastPosition = (await api.command(url, token, body)).body.position;
}

async function open(serviceCode: string, channel: string, description: string): Promise<string> {
  const answer = await api.command('/tickets', as.operator, {
    serviceCode,
    channel,
    description,
    location: { address: '12 Elm St' },
    attributes: answersFor(serviceCode),
  });
  lastPosition = answer.body.position;
  return answer.body.ticketId;
}

/**
 * Four days in Harrowfield (the test clock starts Monday 2 November 2026, 09:00 local). The known
 * event for the as-of checks: on Tuesday at 10:30 the first pothole is completed and the snow
 * ticket escalated.
 */
async function seedHistory(): Promise<void> {
  seeded.pothole = await open('POTHOLE', 'phone', 'Deep pothole in front of 12 Elm St');
  await run(`/tickets/${seeded.pothole}/assign`, as.operator, { department: 'DPW' });
  seeded.potholeTwo = await open('POTHOLE', 'web', 'Pothole at Main and 3rd');
  await run(`/tickets/${seeded.potholeTwo}/assign`, as.operator, { department: 'DPW' });
  seeded.snow = await open('SNOW-UNPLOWED', 'web', 'Street not plowed since Sunday');
  await run(`/tickets/${seeded.snow}/assign`, as.operator, { department: 'DPW' });
  seeded.question = await open('GENERAL-INQUIRY', 'phone', 'When is City Hall open?');
  await run(`/tickets/${seeded.question}/complete`, as.operator, { resolutionCode: 'answered', note: 'Told the caller the hours' });
  api.clock.advance(90);
  await run(`/tickets/${seeded.pothole}/start`, as.dpwStaff);
  api.clock.advance(24 * 60); // Tuesday 10:30
  await run(`/tickets/${seeded.pothole}/complete`, as.dpwStaff, { resolutionCode: 'repaired', note: 'Filled and sealed' });
  await run(`/tickets/${seeded.snow}/escalate`, as.dpwStaff, { reason: 'complex', note: 'needs the big plow' });
  api.clock.advance(24 * 60); // Wednesday 10:30
  seeded.light = await open('STREETLIGHT-OUT', 'email', 'Streetlight out on Oak Ave');
  await run(`/tickets/${seeded.light}/assign`, as.operator, { department: 'ENGINEERING' });
  api.clock.advance(24 * 60); // Thursday 10:30: "now"
  // Let the read models catch up before any page reads them.
  const caughtUp = await api.request('GET', `/departments/DPW/queue?position=${lastPosition}`, { token: as.director });
  expect(caughtUp.status).toBe(200);
}

beforeAll(async () => {
  consoleDir = buildConsole();
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-console-data-'));
  api = await startTestApi({ consoleDir, eventStoreUrl: `sqlite:${join(dataDir, 'switchboard.db')}` });
  base = await api.app.getUrl();
  await seedHistory();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The text of a cell of the metrics table, by the row's group and the column's heading. */
async function metricCell(page: Page, group: string, heading: string): Promise<string> {
  const headings = await page.locator('[data-testid="metrics-table"] thead th').allInnerTexts();
  const index = headings.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === heading);
  if (index < 0) throw new Error(`No column "${heading}" in ${JSON.stringify(headings)}`);
  return (await page.locator(`[data-testid="metrics-table"] tbody tr[data-row="${group}"] > *`).nth(index).innerText()).trim();
}

describe('the page checks themselves', () => {
  it('fail on a page with an unlabelled field and grey-on-white text (so a pass means something)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><input type="text"><p style="color:#aaaaaa">faint</p></main></body></html>',
    );
    expect((await accessibilityViolations(page)).join('\n')).toMatch(/label/);
    expect(await unlabelledControls(page)).toHaveLength(1);
    expect(await lowContrastText(page)).toEqual([expect.stringContaining('faint')]);
    await context.close();
  });
});

describe('signing in', () => {
  it('refuses an unknown token in words, then lets the right one in (keyboard only)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.getByLabel('Access token').focus();
    await page.keyboard.type('not-a-token');
    await page.keyboard.press('Enter');
    await containsText(page.getByRole('alert'), 'Your sign-in was not accepted');
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
    await page.getByLabel('Access token').fill(as.operator);
    await page.keyboard.press('Enter');
    // An operator lands on the desk, and the queues are a link away.
    await atPath(page, '/console/desk');
    await page.getByRole('link', { name: 'Queues' }).click();
    await atPath(page, '/console/queues');
    await page.getByRole('link', { name: 'Public Works' }).waitFor();
    await context.close();
  });
});

describe('the director dashboard', () => {
  const range = '?from=2026-11-02&to=2026-11-05&groupBy=department&period=day';

  it('shows the completion metrics of the seeded history, as the API computes them', async () => {
    const { page, close } = await signedIn(browser, base, as.director);
    await atPath(page, '/console/dashboard');
    await page.goto(`${base}/console/dashboard${range}`);
    await page.getByText('Live figures as of').waitFor();

    // The API's own figures for the same range (Monday 00:00 to Thursday 10:30, clipped at "now").
    const report = await api.request('GET', `/metrics/completion?from=2026-11-02T05:00:00.000Z&to=2026-11-05T15:30:00.000Z&groupBy=department&period=range`, {
      token: as.director,
    });
    expect(report.status).toBe(200);
    const dpw = report.body.figures.find((f: { group: string }) => f.group === 'DPW');
    expect(dpw).toMatchObject({ opened: 3, completed: 1, backlogAtPeriodEnd: 2 });
    expect(await metricCell(page, 'DPW', 'Opened')).toBe('3');
    expect(await metricCell(page, 'DPW', 'Completed')).toBe('1');
    expect(await metricCell(page, 'DPW', 'Backlog at end')).toBe('2');
    expect(await metricCell(page, '311', 'First-contact resolution')).toBe('100 %');
    for (const figures of report.body.figures) {
      expect(await metricCell(page, figures.group, 'Opened')).toBe(String(figures.opened));
      expect(await metricCell(page, figures.group, 'Completed')).toBe(String(figures.completed));
    }
    // Four charts are drawn, each an image named for assistive technology with its figures, and its numbers as text.
    for (const chart of ['chart-on-time', 'chart-time', 'chart-backlog', 'chart-rates']) {
      expect(await page.locator(`[data-testid="${chart}"] canvas`).getAttribute('role')).toBe('img');
      expect(await canvasIsDrawn(page, `[data-testid="${chart}"] canvas`)).toBe(true);
    }
    expect(await page.locator('[data-testid="chart-on-time"] canvas').getAttribute('aria-label')).toContain('Public Works 33.3 %');
    await page.locator('[data-testid="chart-backlog"] summary').click();
    const backlogNumbers = page.locator('[data-testid="chart-backlog"] table');
    expect(await backlogNumbers.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['All', 'Public Works']));
    // Backlog of all departments at the end of each day: Mon 2 (pothole, second pothole, snow, and the answered question is closed), Tue 2, Wed 3, Thu 3.
    expect(
      await backlogNumbers.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent])),
    ).toEqual([
      ['2026-11-02', '3'],
      ['2026-11-03', '2'],
      ['2026-11-04', '3'],
      ['2026-11-05', '3'],
    ]);
    // The escalation is listed, with its reason.
    const snowRow = page.locator(`[data-testid="escalations-table"] tr[data-row="${seeded.snow}"]`);
    await containsText(snowRow, 'complex');

    // Sorting by keyboard: focus a column heading's button and press Enter.
    const completedHeading = page.locator('[data-testid="metrics-table"] thead th', { hasText: 'Completed' });
    await completedHeading.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="metrics-table"] thead th[aria-sort="descending"]', { hasText: 'Completed' }).waitFor();
    const firstRow = await page.locator('[data-testid="metrics-table"] tbody tr').first().getAttribute('data-row');
    expect(['DPW', '311']).toContain(firstRow);

    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    await close();
  });

  it('reproduces the dashboard as of a past moment: before and after the known completion and escalation differ; as known at is the other reading', async () => {
    const { page, close } = await signedIn(browser, base, as.director, `/console/dashboard${range}`);
    await page.getByText('Live figures as of').waitFor();

    // Tuesday 10:00, half an hour before the pothole was completed and the snow ticket escalated.
    await page.getByLabel('At (blank: now)').fill('2026-11-03T10:00');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('As of Tue, Nov 3, 2026, 10:00 AM').waitFor();
    expect(await metricCell(page, 'DPW', 'Completed')).toBe('0');
    expect(await metricCell(page, 'DPW', 'Backlog at end')).toBe('3');
    expect(await page.locator(`[data-testid="escalations-table"] tr[data-row="${seeded.snow}"]`, { hasText: 'complex' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-as-of.png'), fullPage: true });

    // Tuesday 11:00, half an hour after.
    await page.getByLabel('At (blank: now)').fill('2026-11-03T11:00');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('As of Tue, Nov 3, 2026, 11:00 AM').waitFor();
    expect(await metricCell(page, 'DPW', 'Completed')).toBe('1');
    expect(await metricCell(page, 'DPW', 'Backlog at end')).toBe('2');
    expect(await page.locator(`[data-testid="escalations-table"] tr[data-row="${seeded.snow}"]`, { hasText: 'complex' }).count()).toBe(1);

    // The same moment as known at: the address says so, and the banner.
    await page.getByLabel('Moment').selectOption('knownAt');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('As known at Tue, Nov 3, 2026, 11:00 AM').waitFor();
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe('2026-11-03T11:00');

    // Back to now: the live figures again.
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByText('Live figures as of').waitFor();
    expect(await metricCell(page, 'DPW', 'Opened')).toBe('3');
    await close();
  });
});

describe('a department head’s dashboard', () => {
  it('shows their own department only: figures, services and escalations', async () => {
    const { page, close } = await signedIn(browser, base, as.dpwHead);
    await atPath(page, '/console/dashboard');
    await page.getByText('Live figures as of').waitFor();
    await page.goto(`${base}/console/dashboard?from=2026-11-02&to=2026-11-05&groupBy=department&period=day`);
    await page.getByText('Live figures as of').waitFor();
    const groups = await page.locator('[data-testid="metrics-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));
    expect(groups).toEqual(['DPW']);
    const departments = await page.locator('[data-testid="escalations-table"] tbody tr[data-row] > :nth-child(2)').allInnerTexts();
    expect(departments.length).toBeGreaterThan(0);
    expect(new Set(departments)).toEqual(new Set(['Public Works']));
    // No channel grouping for a department head (the API reserves it for the director).
    expect(await page.locator('#groupBy option').allInnerTexts()).toEqual(['Department', 'Service']);
    await page.selectOption('#groupBy', 'service');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: 'Completion by service' }).waitFor();
    await page.getByText('Live figures as of').waitFor();
    const services = await page.locator('[data-testid="metrics-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));
    const catalog = (await api.request('GET', '/departments', { token: as.dpwHead })).body.departments as { id: string; services: { code: string }[] }[];
    const own = new Set(catalog.find((d) => d.id === 'DPW')!.services.map((x) => x.code));
    expect(services.length).toBeGreaterThan(0);
    for (const code of services) expect(own.has(code!)).toBe(true);
    await close();
  });
});

describe('the department queue', () => {
  it('lets staff claim and complete a ticket live while a second browser sees it leave the queue', async () => {
    const queuePath = '/console/departments/DPW/queue';
    const sam = await signedIn(browser, base, as.dpwStaff);
    await atPath(sam.page, queuePath);
    const hana = await signedIn(browser, base, as.dpwHead, queuePath);
    for (const { page } of [sam, hana]) await page.locator('[data-feed="live"]').waitFor();

    // The rows are in the queue's order (the escalated snow ticket first), as the API answers it.
    const answer = await api.request('GET', '/departments/DPW/queue', { token: as.dpwHead });
    const order = answer.body.entries.map((e: { ticketId: string }) => e.ticketId);
    expect(order[0]).toBe(seeded.snow);
    await countBecomes(hana.page, '[data-testid="queue"] tbody tr[data-ticket]', order.length);
    expect(await hana.page.locator('[data-testid="queue"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')))).toEqual(order);
    await hana.page.screenshot({ path: join(SCREENSHOTS, 'queue.png'), fullPage: true });

    // Sam claims the next ticket: the escalated one.
    await sam.page.getByRole('button', { name: 'Claim next ticket' }).click();
    await sam.page.getByText(`You claimed ${seeded.snow}`).waitFor();
    // Hana's screen shows it in progress without reloading.
    await containsText(hana.page.locator(`tr[data-ticket="${seeded.snow}"]`), 'in progress');

    // Sam completes it from the queue.
    await sam.page.getByRole('button', { name: `Complete ${seeded.snow}` }).click();
    const dialog = sam.page.getByRole('dialog');
    await dialog.getByLabel('Resolution').fill('plowed');
    await dialog.getByLabel('What was done').fill('Plowed with the big truck');
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await sam.page.getByText(`Complete: ${seeded.snow} done.`).waitFor();

    // It leaves both queues, live.
    await hana.page.locator(`tr[data-ticket="${seeded.snow}"]`).waitFor({ state: 'detached' });
    await sam.page.locator(`tr[data-ticket="${seeded.snow}"]`).waitFor({ state: 'detached' });
    const history = await api.request('GET', `/tickets/${seeded.snow}/history`, { token: as.director });
    expect(history.body.events.map((e: { type: string }) => e.type).slice(-2)).toEqual(['WorkStarted', 'TicketCompleted']);

    // "Only my tickets": Sam holds none of the queue now; unticked, the others are back.
    await sam.page.getByLabel('Only my tickets').check();
    await sam.page.getByText('The queue is empty.').waitFor();
    await sam.page.getByLabel('Only my tickets').uncheck();
    await sam.page.locator(`tr[data-ticket="${seeded.potholeTwo}"]`).waitFor();

    // At a tablet's width the page needs no sideways scrolling.
    await hana.page.setViewportSize({ width: 768, height: 1024 });
    expect(await fitsTheWidth(hana.page)).toBe(true);
    // …and the row actions are on screen, not scrolled away inside the table's box.
    const action = await hana.page.locator('[data-testid="queue"] tbody tr').first().getByRole('button').first().boundingBox();
    expect(action).not.toBeNull();
    expect(action!.x + action!.width).toBeLessThanOrEqual(768);
    await hana.page.screenshot({ path: join(SCREENSHOTS, 'queue-tablet.png'), fullPage: true });
    expect(await unlabelledControls(sam.page)).toEqual([]);
    expect(await lowContrastText(hana.page)).toEqual([]);
    expect(await accessibilityViolations(hana.page)).toEqual([]);
    expect(await accessibilityViolations(sam.page)).toEqual([]);
    await sam.close();
    await hana.close();
  });

  it('claims once for a double click, and says so when there is nothing left to claim', async () => {
    // Traffic & Engineering: the streetlight and one more unclaimed ticket.
    const more = (
      await api.command('/tickets', as.operator, {
        serviceCode: 'STREETLIGHT-OUT',
        channel: 'web',
        description: 'Light out on Cedar St',
        attributes: answersFor('STREETLIGHT-OUT'),
      })
    ).body.ticketId as string;
    const assigned = await api.command(`/tickets/${more}/assign`, as.operator, { department: 'ENGINEERING' });
    const eli = await signedIn(browser, base, as.engineeringStaff);
    await atPath(eli.page, '/console/departments/ENGINEERING/queue');
    await eli.page.locator('[data-feed="live"]').waitFor();
    expect((await api.request('GET', `/departments/ENGINEERING/queue?position=${assigned.body.position}`, { token: as.operator })).status).toBe(200);
    await countBecomes(eli.page, '[data-testid="queue"] tbody tr[data-ticket]', 2);

    const started = async () => {
      const histories = await Promise.all([seeded.light, more].map((id) => api.request('GET', `/tickets/${id}/history`, { token: as.director })));
      return histories.flatMap((h) => h.body.events.filter((e: { type: string }) => e.type === 'WorkStarted').map(() => h.body.ticketId));
    };
    await eli.page.getByRole('button', { name: 'Claim next ticket' }).dblclick();
    await eli.page.getByText(/You claimed/).waitFor();
    expect(await started()).toHaveLength(1);

    // The next claim takes the other ticket; then there is nothing left.
    await eli.page.getByRole('button', { name: 'Claim next ticket' }).click();
    await eli.page
      .getByText(/You claimed/)
      .filter({ hasNotText: (await started())[0] })
      .waitFor();
    expect((await started()).sort()).toEqual([seeded.light, more].sort());
    await eli.page.getByRole('button', { name: 'Claim next ticket' }).click();
    await containsText(eli.page.getByRole('alert'), 'There is no ticket you can claim in this queue right now.');
    await eli.close();
  });

  it('shows a refused action in plain words instead of swallowing it', async () => {
    // Eli works in Traffic & Engineering: the Public Works queue is not his.
    const eli = await signedIn(browser, base, as.engineeringStaff, '/console/departments/DPW/queue');
    const alert = eli.page.getByRole('alert');
    await containsText(alert, 'You are not allowed to see the queue of Public Works.');
    expect(await alert.innerText()).toMatch(/Only .*Public Works/);
    expect(await eli.page.locator('[data-testid="queue"]').count()).toBe(0);
    await eli.close();

    // A resident's token (an Open311 app's) opens nothing here.
    const resident = await signedIn(browser, base, as.resident, '/console/dashboard');
    await containsText(resident.page.getByRole('alert'), 'The console is for city staff');
    expect(await resident.page.locator('nav, table, [data-testid]').count()).toBe(0);
    await resident.close();

    // Staff have no dashboard: asking for it by address shows the refusal.
    const sam = await signedIn(browser, base, as.dpwStaff, '/console/dashboard');
    await containsText(sam.page.getByRole('alert'), 'You are not allowed to see these completion metrics.');
    expect(await sam.page.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);

    // A command the lifecycle refuses: starting a ticket that is already completed (from its page).
    await sam.page.goto(`${base}/console/tickets/${seeded.pothole}`);
    await sam.page.getByRole('heading', { name: 'History' }).waitFor();
    await sam.page.getByText('Nothing: in this state, nobody in your role can change this ticket.').waitFor();
    await sam.close();
  });
});

describe('the ticket page', () => {
  it('shows the details, the commands the user may give now, and the audit timeline', async () => {
    const { page, close } = await signedIn(browser, base, as.dpwStaff, `/console/tickets/${seeded.potholeTwo}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(seeded.potholeTwo);
    const timeline = '[data-testid="timeline"] > li';
    const items = page.locator(timeline);
    // Every event of the history, in order (the SLA watcher may have added a breach to the two commands).
    const trail = (await api.request('GET', `/tickets/${seeded.potholeTwo}/history`, { token: as.dpwStaff })).body.events as { type: string }[];
    expect(trail.slice(0, 2).map((e) => e.type)).toEqual(['TicketOpened', 'TicketAssigned']);
    await countBecomes(page, timeline, trail.length);
    expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-type')))).toEqual(trail.map((e) => e.type));
    expect(await items.nth(0).innerText()).toContain('Opened by ada.operator');
    expect(await items.nth(1).innerText()).toMatch(/Assigned by ada\.operator[\s\S]*at intake → assigned[\s\S]*To: Public Works/);

    // Exactly the commands the API says this person may give now: a button each, but for a photo,
    // which has its own form beside the photos.
    const view = await api.request('GET', `/tickets/${seeded.potholeTwo}`, { token: as.dpwStaff });
    const buttons = await page.locator('.ticket-actions .actions button').allInnerTexts();
    const allowed = (view.body.allowedCommands as string[]).filter((type) => type !== 'AttachPhoto');
    expect(view.body.allowedCommands).toContain('AttachPhoto');
    expect(buttons.length).toBe(allowed.length);
    expect(buttons).toContain('Start work');

    // Put it on hold through the form; the timeline grows with the reason.
    await page.getByRole('button', { name: 'Start work' }).click();
    await countBecomes(page, timeline, trail.length + 1);
    await page.getByRole('button', { name: 'Put on hold' }).click();
    await page.getByRole('dialog').getByLabel('Why is it on hold?').fill('Waiting for the gas company to mark the line');
    await page.getByRole('dialog').getByRole('button', { name: 'Put on hold' }).click();
    await countBecomes(page, timeline, trail.length + 2);
    expect(await items.nth(trail.length + 1).innerText()).toMatch(/in progress → on hold[\s\S]*Reason: Waiting for the gas company to mark the line/);

    // An empty required field is named before anything is sent.
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('button', { name: 'Comment' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Comment' }).click();
    await containsText(page.getByRole('dialog').getByRole('alert'), 'Please correct: Comment: is required');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Focus is back on the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Comment');
    expect(await items.count()).toBe(trail.length + 2);

    expect(await unlabelledControls(page)).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ticket.png'), fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await fitsTheWidth(page)).toBe(true);
    await close();
  });

  it('says so when someone else changed the ticket since the page was loaded, keeps what was typed, and shows the change', async () => {
    const opened = await api.command('/tickets', as.operator, {
      serviceCode: 'STREETLIGHT-OUT',
      channel: 'phone',
      description: 'Light flickering on Birch Rd',
      attributes: answersFor('STREETLIGHT-OUT'),
    });
    const id = opened.body.ticketId as string;
    await api.command(`/tickets/${id}/assign`, as.operator, { department: 'ENGINEERING' });
    const eli = await signedIn(browser, base, as.engineeringStaff, `/console/tickets/${id}`);
    const timeline = '[data-testid="timeline"] > li';
    await eli.page.getByRole('button', { name: 'Start work' }).waitFor();
    const before = await eli.page.locator(timeline).count();

    // Meanwhile an operator raises the priority: Eli's click is sent at the revision he saw.
    await api.command(`/tickets/${id}/priority`, as.operator, { priority: 'urgent', reason: 'School crossing is dark' });
    await eli.page.getByRole('button', { name: 'Start work' }).click();
    await containsText(eli.page.getByRole('alert'), 'Someone changed this ticket after you loaded it');
    // The page shows the fresh ticket: the change is in the timeline, nothing was overwritten.
    await countBecomes(eli.page, timeline, before + 1);
    await containsText(eli.page.locator(timeline).last(), 'Priority: normal → urgent');
    let history = await api.request('GET', `/tickets/${id}/history`, { token: as.director });
    expect(history.body.events.map((e: { type: string }) => e.type)).not.toContain('WorkStarted');

    // The same in a form: the dialog stays open with the text typed, and the next try goes through.
    await eli.page.getByRole('button', { name: 'Start work' }).click();
    await countBecomes(eli.page, timeline, before + 2);
    await eli.page.getByRole('button', { name: 'Put on hold' }).click();
    const dialog = eli.page.getByRole('dialog');
    await dialog.getByLabel('Why is it on hold?').fill('Waiting for the utility to replace the pole');
    await api.command(`/tickets/${id}/comments`, as.operator, { body: 'Resident called again', visibility: 'internal' });
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await containsText(dialog.getByRole('alert'), 'Someone changed this ticket after you loaded it');
    expect(await dialog.getByLabel('Why is it on hold?').inputValue()).toBe('Waiting for the utility to replace the pole');
    await countBecomes(eli.page, timeline, before + 3);
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await dialog.waitFor({ state: 'detached' });
    await countBecomes(eli.page, timeline, before + 4);
    history = await api.request('GET', `/tickets/${id}/history`, { token: as.director });
    expect(history.body.events.map((e: { type: string }) => e.type).slice(-3)).toEqual(['WorkStarted', 'TicketCommented', 'TicketPutOnHold']);
    await eli.close();
  });

  it('is found by words of its description, and the search is in the address', async () => {
    const { page, close } = await signedIn(browser, base, as.director);
    await page.getByRole('link', { name: 'Find tickets' }).click();
    await page.getByLabel('Words in the description or address').fill('oak ave');
    await page.getByLabel('Department').selectOption('ENGINEERING');
    await page.getByRole('button', { name: 'Find' }).click();
    await atPath(page, '/console/tickets');
    expect(new URL(page.url()).searchParams.get('text')).toBe('oak ave');
    await countBecomes(page, '[data-testid="found"] tbody tr', 1);
    expect(await page.locator('[data-testid="found"] tbody tr').getAttribute('data-ticket')).toBe(seeded.light);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: seeded.light }).click();
    await atPath(page, `/console/tickets/${seeded.light}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    // Back in the browser's history: the same search again.
    await page.goBack();
    await countBecomes(page, '[data-testid="found"] tbody tr', 1);
    expect(await page.getByLabel('Words in the description or address').inputValue()).toBe('oak ave');
    await close();
  });

  it('never shows the resident’s contact to a department that does not hold the ticket', async () => {
    const withContact = await api.command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      channel: 'phone',
      description: 'Pothole by the school',
      contact: { name: 'Ann Resident', phone: '978-555-0101' },
      attributes: answersFor('POTHOLE'),
    });
    await api.command(`/tickets/${withContact.body.ticketId}/assign`, as.operator, { department: 'DPW' });
    const sam = await signedIn(browser, base, as.dpwStaff, `/console/tickets/${withContact.body.ticketId}`);
    await sam.page.getByText('Ann Resident · 978-555-0101').waitFor();
    const eli = await signedIn(browser, base, as.engineeringStaff, `/console/tickets/${withContact.body.ticketId}`);
    await eli.page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await eli.page.getByText('Ann Resident').count()).toBe(0);
    expect(await eli.page.getByText('Resident', { exact: true }).count()).toBe(0);
    await sam.close();
    await eli.close();
  });

  it('shows the resident’s contact until the director erases it, then nowhere on the page, and the erasure in the timeline', async () => {
    const opened = await api.command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      channel: 'phone',
      description: 'Pothole by the library',
      contact: { name: 'Erin Resident', phone: '978-555-0177' },
      attributes: answersFor('POTHOLE'),
    });
    const ticketId = opened.body.ticketId as string;
    const before = await signedIn(browser, base, as.director, `/console/tickets/${ticketId}`);
    await before.page.getByText('Erin Resident · 978-555-0177').waitFor();
    await before.close();

    await api.command(`/tickets/${ticketId}/erase-resident-data`, as.director, { reason: 'privacy request 79' });
    const after = await signedIn(browser, base, as.director, `/console/tickets/${ticketId}`);
    await after.page.getByText('Resident data erased').first().waitFor();
    await containsText(after.page.locator('main'), 'privacy request 79');
    expect(await after.page.getByText('Erin Resident').count()).toBe(0);
    expect(await after.page.getByText('978-555-0177').count()).toBe(0);
    expect(await accessibilityViolations(after.page)).toEqual([]);
    await after.close();
  });
});

describe('the live queue across an API restart', () => {
  it('reconnects by itself and shows what changed while the API was away', async () => {
    const hana = await signedIn(browser, base, as.dpwHead, '/console/departments/DPW/queue');
    await hana.page.locator('[data-feed="live"]').waitFor();

    // The API goes away (a deploy): the feed ends and the page says it is reconnecting.
    const { port } = new URL(base);
    const now = api.clock.now().getTime();
    await api.close();
    await hana.page.locator('[data-feed="reconnecting"]').waitFor();

    // It comes back on the same event log, and a ticket is routed to Public Works.
    api = await startTestApi({ consoleDir, eventStoreUrl: `sqlite:${join(dataDir, 'switchboard.db')}` }, { port: Number(port) });
    api.clock.advance((now - api.clock.now().getTime()) / 60_000);
    const opened = await api.command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      channel: 'phone',
      description: 'Pothole after the restart',
      attributes: answersFor('POTHOLE'),
    });
    await api.command(`/tickets/${opened.body.ticketId}/assign`, as.operator, { department: 'DPW' });

    // Without a reload, the page is live again and shows it.
    await hana.page.locator('[data-feed="live"]').waitFor();
    await hana.page.locator(`tr[data-ticket="${opened.body.ticketId}"]`).waitFor();
    await hana.close();
  });
});
