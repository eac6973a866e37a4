/**
 * Phone coverage end to end: the real API (embedded SQLite, in-process projector, the test clock
 * at Monday 2 November 2026, 09:00 in the demo city) serving the Vite build, driven by keyboard in
 * headless Debian Chromium. A department head keeps the Public Works roster (a bad time is named
 * by field), a staff member marks themselves available in the header, and the director's report
 * shows the API's own figures, with Traffic & Engineering, which nobody is scheduled for, as a gap.
 */
import type { Page } from 'playwright-core';
import { as } from '../../api/test/api-harness';
import { containsText, fitsTheWidth, signedIn } from './browser';
import { checked, consoleSuite } from './console-suite';

jest.setTimeout(90_000);

const suite = consoleSuite({ demoData: false });
/** Department names by id, as the catalog gives them. */
let names: Map<string, string>;

beforeAll(async () => {
  const catalog = await suite().api.request('GET', '/departments', { token: as.director });
  names = new Map(catalog.body.departments.map((d: { id: string; name: string }) => [d.id, d.name]));
});

/** Types into the control labelled `label`, by keyboard. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Presses the button named `name` by keyboard. */
async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

const cellsOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .evaluate((table) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));

describe('phone coverage in the console', () => {
  it('a department head sets the weekly roster and a date’s exception by keyboard; a bad time is named by field', async () => {
    const head = await signedIn(suite().browser, suite().base, as.dpwHead);
    const { page } = head;
    // Given the head's own roster, reached from the main navigation
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone roster' }).focus();
    await page.keyboard.press('Enter');
    await containsText(page.getByTestId('roster-standing'), 'No roster has been set');

    // When they add Sam's Monday morning with an until before its from
    await press(page, 'Add a slot');
    await typeInto(page, 'From, weekly slots row 1', '08:30');
    await typeInto(page, 'Until, weekly slots row 1', '08:00');
    await typeInto(page, 'Staff member, weekly slots row 1', 'sam.dpw');
    await press(page, 'Save weekly roster');
    // Then the API's 400 is shown under that field, which takes focus
    await containsText(page.locator('.field-error'), 'must be after from');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('roster-slots-0--until');
    await checked(page, 'phone-roster-refused', { fitsWidth: true });

    // When they correct it and add Hana's afternoon
    await typeInto(page, 'Until, weekly slots row 1', '12:00');
    await press(page, 'Add a slot');
    await typeInto(page, 'From, weekly slots row 2', '13:00');
    await typeInto(page, 'Until, weekly slots row 2', '16:30');
    await typeInto(page, 'Staff member, weekly slots row 2', 'hana.dpw');
    await press(page, 'Save weekly roster');
    await containsText(page.getByTestId('roster-said'), 'Weekly roster saved: 2 slots.');
    // Then the roster's own stream holds them
    const roster = (await suite().api.request('GET', '/departments/DPW/roster', { token: as.operator })).body;
    expect(roster.roster.slots).toEqual([
      { weekday: 'monday', from: '08:30', until: '12:00', staffId: 'sam.dpw' },
      { weekday: 'monday', from: '13:00', until: '16:30', staffId: 'hana.dpw' },
    ]);

    // When they mark Sam away next Monday, with a reason
    await typeInto(page, 'Date', '11092026');
    await page.getByLabel('sam.dpw', { exact: true }).focus();
    await page.keyboard.press('Space');
    await typeInto(page, 'Reason (optional)', 'Training');
    await press(page, 'Save exception');
    await containsText(page.getByTestId('roster-said'), 'The exception of 2026-11-09 is saved.');
    expect(await cellsOf(page, 'roster-exceptions')).toEqual([['2026-11-09', 'sam.dpw', 'nobody', 'Training', 'Clear the exception of 2026-11-09']]);
    expect((await suite().api.request('GET', '/departments/DPW/roster', { token: as.dpwHead })).body.roster.exceptions).toEqual([
      { date: '2026-11-09', away: ['sam.dpw'], extra: [], reason: 'Training' },
    ]);
    await checked(page, 'phone-roster', { fitsWidth: true });
    // At a tablet's width the page (and the header with its links and the availability mark) needs no sideways scrolling
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await fitsTheWidth(page)).toBe(true);
    await head.close();
  });

  it('a staff member marks themselves available in the header, by keyboard; the roster page shows them answering', async () => {
    const sam = await signedIn(suite().browser, suite().base, as.dpwStaff);
    const { page } = sam;
    const mark = page.getByTestId('availability');
    await containsText(mark, 'Public Works line: not marked available');
    await press(page, 'Mark me available');
    await containsText(mark, 'Public Works line: available until');
    await page.getByRole('button', { name: 'Mark me away', exact: true }).waitFor();
    expect((await suite().api.request('GET', '/staff/me/availability', { token: as.dpwStaff })).body).toMatchObject({ available: true, department: 'DPW' });

    // Staff read their line's roster; they do not edit it
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone roster' }).focus();
    await page.keyboard.press('Enter');
    await containsText(page.getByTestId('answering-now'), 'sam.dpw: available until');
    expect(await cellsOf(page, 'weekly-roster')).toEqual([['Monday', '08:30–12:00 sam.dpw; 13:00–16:30 hana.dpw']]);
    expect(await page.getByRole('button', { name: 'Save weekly roster' }).count()).toBe(0);
    await checked(page, 'phone-roster-staff', { fitsWidth: true });
    await sam.close();

    // The operator marks nothing: no toggle in their header
    const ada = await signedIn(suite().browser, suite().base, as.operator, '/console/tickets');
    expect(await ada.page.getByTestId('availability').count()).toBe(0);
    await ada.close();
  });

  it('the director’s report shows the API’s figures, with Engineering’s unscheduled day as a gap; keyboard and axe-core', async () => {
    // Given the day is over (17:00 local): Public Works was scheduled from 09:00, Engineering never
    suite().api.clock.advance(8 * 60);
    const monday = 'from=2026-11-02T05:00:00Z&to=2026-11-03T05:00:00Z';
    const report = (await suite().api.request('GET', `/metrics/phone-coverage?${monday}`, { token: as.director })).body;
    const engineering = report.days.find((d: { department: string }) => d.department === 'ENGINEERING');
    expect(engineering).toMatchObject({ cityHallMinutes: 480, unscheduledMinutes: 480 });

    const director = await signedIn(suite().browser, suite().base, as.director, '/console/tickets');
    const { page } = director;
    // When the director opens the report from the navigation and asks for Monday, by keyboard
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone coverage' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('coverage-table').waitFor();
    await typeInto(page, 'From', '11022026');
    await typeInto(page, 'To (inclusive)', '11022026');
    await press(page, 'Show');
    await page.waitForURL((url) => url.search.includes('from=2026-11-02') && url.search.includes('to=2026-11-02'));
    await containsText(page.getByTestId('coverage-status'), 'with a gap in coverage');

    // Then every department's Monday is there, most unscheduled first, with the API's figures
    const rows = await cellsOf(page, 'coverage-table');
    expect(rows).toHaveLength(report.days.length);
    const dpw = report.days.find((d: { department: string }) => d.department === 'DPW');
    expect(dpw).toMatchObject({ unscheduledMinutes: 90, unavailableMinutes: 30 });
    expect(rows.find((row) => row[0] === names.get('DPW'))).toEqual([
      names.get('DPW'),
      '2026-11-02',
      '8 h',
      '1 h 30 min',
      '30 min',
      '08:30–09:00 nobody scheduled08:30–09:00 nobody available12:00–13:00 nobody scheduled',
      '0 of 0',
      '0',
    ]);
    const engineeringRow = rows.find((row) => row[0] === names.get('ENGINEERING'));
    expect(engineeringRow?.slice(1, 5)).toEqual(['2026-11-02', '8 h', '8 h', '8 h']);
    expect(engineeringRow?.[5]).toContain('08:30–16:30 nobody scheduled');
    // And the gap is marked in bold, not by colour alone
    const gap = page.getByTestId('coverage-table').locator(`tr[data-row="ENGINEERING-2026-11-02"] strong.coverage-gap`);
    expect(await gap.count()).toBe(2);

    // A department's name opens its roster
    await page
      .getByTestId('coverage-table')
      .getByRole('link', { name: names.get('ENGINEERING') })
      .focus();
    await page.keyboard.press('Enter');
    await containsText(page.getByTestId('roster-standing'), 'No roster has been set');
    await page.goBack();
    await page.getByTestId('coverage-table').waitFor();
    await checked(page, 'phone-coverage', { fitsWidth: true });
    await director.close();

    // A department head sees their own department only; staff are refused in words
    const hana = await signedIn(suite().browser, suite().base, as.dpwHead, '/console/phone-coverage?from=2026-11-02&to=2026-11-02');
    await hana.page.getByTestId('coverage-table').waitFor();
    expect((await cellsOf(hana.page, 'coverage-table')).map((row) => row[0])).toEqual([names.get('DPW')]);
    expect(await hana.page.locator('#coverage-department').count()).toBe(0);
    await hana.close();
    const sam = await signedIn(suite().browser, suite().base, as.dpwStaff, '/console/phone-coverage');
    await containsText(sam.page.getByRole('alert'), 'You are not allowed to see the phone coverage report.');
    await sam.close();
  });
});
