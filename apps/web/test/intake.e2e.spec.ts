/**
 * The intake queue end to end (./console-suite: the API as `npm start` runs it, with the demo
 * catalog, whose clear-cut services route on open, serving the real Vite build to headless
 * Chromium). 311 triages by keyboard: a ticket waiting in intake is assigned to a department and
 * leaves the queue for that department's.
 */
import { answersFor, as } from '../../api/test/api-harness';
import { atPath, containsText, signedIn } from './browser';
import { checked, Keys, report, consoleSuite } from './console-suite';

jest.setTimeout(120_000);

const suite = consoleSuite();

const open = async (serviceCode: string, description: string) =>
  (await suite().api.command('/tickets', as.operator, { serviceCode, description, channel: 'phone', attributes: answersFor(serviceCode) })).body as {
    ticketId: string;
    status: string;
  };

describe('the intake queue', () => {
  it('311 finds a ticket waiting for triage from the nav and assigns it to a department by keyboard; a routed one never waits there', async () => {
    const { api, browser, base } = suite();
    const waiting = await open('POTHOLE', 'Pothole by the bus stop on Main St');
    const routed = await open('TREE-DOWN', 'Tree across Oak St');
    expect([waiting.status, routed.status]).toEqual(['intake', 'assigned']);

    const operator = await signedIn(browser, base, as.operator, '/console/desk');
    const { page } = operator;
    const keys = new Keys(page);
    const started = Date.now();
    await page.getByRole('link', { name: 'Intake' }).focus();
    await keys.press('Enter');
    await atPath(page, '/console/intake');
    const row = page.locator(`[data-testid="queue"] tr[data-ticket="${waiting.ticketId}"]`);
    await row.waitFor();
    expect(await page.locator(`[data-testid="queue"] tr[data-ticket="${routed.ticketId}"]`).count()).toBe(0);
    await containsText(page.locator('[data-testid="queue"] thead'), 'Waiting');
    await checked(page, 'intake');

    // The row's triage actions are the API's for this caller; Assign opens its dialog.
    const actions = (await api.request('GET', '/intake/queue', { token: as.operator })).body.entries.find(
      (e: { ticketId: string }) => e.ticketId === waiting.ticketId,
    ).actions as string[];
    expect(actions).toContain('AssignTicket');
    expect(await row.getByRole('button').count()).toBe(actions.length);
    await row.getByRole('button', { name: `Assign ${waiting.ticketId}` }).focus();
    await keys.press('Enter');
    const dialog = page.getByRole('dialog');
    await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT' && document.activeElement.closest('dialog') !== null);
    await checked(page, 'intake-assign');
    await keys.type('Public');
    await keys.press('Tab', 'Enter');
    await dialog.waitFor({ state: 'detached' });
    await containsText(page.getByRole('status').filter({ hasText: 'Assign' }), `Assign: ${waiting.ticketId} done.`);
    await row.waitFor({ state: 'detached' });
    report('intake', 'assign a waiting ticket', keys, started);

    const ticket = await api.request('GET', `/tickets/${waiting.ticketId}`, { token: as.operator });
    expect(ticket.body).toMatchObject({ status: 'assigned', department: 'DPW' });
    await operator.close();
  });

  it('is not offered to a department’s staff, and the API’s refusal names the rule', async () => {
    const { browser, base } = suite();
    const staff = await signedIn(browser, base, as.dpwStaff, '/console/intake');
    const { page } = staff;
    expect(await page.getByRole('link', { name: 'Intake' }).count()).toBe(0);
    await containsText(page.locator('#main'), 'The intake queue (tickets waiting for triage) is for 311 operators and the director');
    await staff.close();
  });
});
