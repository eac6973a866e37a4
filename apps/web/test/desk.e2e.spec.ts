/**
 * The call-taker's desk end to end, driven by keyboard (./console-suite: the API as `npm start`
 * runs it, with the demo knowledge base and phone rosters, serving the real Vite build to headless
 * Chromium). Keystrokes and time are counted for each flow and printed.
 */
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { residentPhoneKey } from '@switchboard/read-models';
import type { Page } from 'playwright-core';
import { as } from '../../api/test/api-harness';
import { atPath, containsText, SCREENSHOTS, signedIn } from './browser';
import { checked, Keys, report as reportOf, consoleSuite } from './console-suite';

jest.setTimeout(120_000);

const suite = consoleSuite();
const report = (flow: string, keys: Keys, started: number) => reportOf('desk', flow, keys, started);

const status = (page: Page) => page.getByTestId('desk-status');
const contactId = async (page: Page) => (await page.getByTestId('contact-open').getAttribute('data-contact'))!;

/** Starts a contact from the desk by keyboard (Alt+N) and waits for the search box to have focus. */
async function startContact(page: Page, keys: Keys): Promise<string> {
  await keys.press('Alt+KeyN');
  await containsText(status(page), 'Contact started');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  return contactId(page);
}

/** Moves the combobox's marker to the hit `ref` with ↓ (the hits must be on screen); answers the keys pressed. */
async function arrowTo(page: Page, keys: Keys, ref: string): Promise<void> {
  await page
    .locator(`[data-testid="desk-hits"] li[data-ref="${ref}"]`)
    .waitFor({ timeout: 10_000 })
    .catch(async (error) => {
      await page.screenshot({ path: join(SCREENSHOTS, 'desk-no-hit.png'), fullPage: true });
      throw error;
    });
  const refs = await page.locator('[data-testid="desk-hits"] li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ref')));
  const index = refs.indexOf(ref);
  for (let i = 0; i <= index; i++) await keys.press('ArrowDown');
}

/** On the desk: starts a contact, searches `words` and opens the ticket form of service `code` by keyboard, waiting for its question `question`; answers the contact's id. */
async function openServiceForm(page: Page, keys: Keys, words: string, code: string, question: string): Promise<string> {
  const id = await startContact(page, keys);
  await keys.type(words);
  await arrowTo(page, keys, code);
  await keys.press('Enter');
  await page.getByTestId('desk-ticket').locator(`[data-question="${question}"]`).waitFor();
  return id;
}

describe('the desk', () => {
  it('an operator lands on the desk and answers a known question in at most 6 keystrokes after the search words', async () => {
    const { api, browser, base } = suite();
    const operator = await signedIn(browser, base, as.operator);
    const { page } = operator;
    await atPath(page, '/console/desk');
    await checked(page, 'desk');
    const keys = new Keys(page);
    const id = await startContact(page, keys);
    await keys.type('city hall hours');

    const started = Date.now();
    const after = new Keys(page);
    await arrowTo(page, after, 'city-hall-hours');
    await after.press('Enter');
    await page.getByTestId('desk-answer').locator('.desk-answer-text').waitFor();
    await containsText(page.getByTestId('call-taker-note'), 'Tuesday evening hours');
    await checked(page, 'desk-answer');
    await after.press('Alt+KeyA');
    await containsText(status(page), 'Answered from “When is City Hall open?”. Contact ended.');
    report('answer a known question (after the search words)', after, started);
    expect(after.count).toBeLessThanOrEqual(6);

    const { body } = await api.request('GET', `/contacts/${id}`, { token: as.operator });
    expect(body.contact).toMatchObject({ status: 'ended', channel: 'phone', line: '311' });
    expect(body.contact.steps).toEqual([expect.objectContaining({ kind: 'article_used', articleId: 'city-hall-hours' })]);
    // Four events (revisions 0–3): started, the settled search (Enter) logged once — the type-ahead keystrokes are not —, the article, the end.
    expect(body.revision).toBe(3);
    await operator.close();
  });

  it('opens a ticket with the service’s required questions by keyboard; a missing answer is named before sending', async () => {
    const { api, browser, base } = suite();
    const operator = await signedIn(browser, base, as.operator, '/console/desk');
    const { page } = operator;
    const keys = new Keys(page);
    const started = Date.now();
    const id = await openServiceForm(page, keys, 'pothole', 'POTHOLE', 'SIZE');
    await page.getByLabel('What is the problem? *').focus();
    await keys.type('Deep pothole by the school');
    await keys.press('Tab');
    await keys.type('40 Oak St');
    await keys.press('Enter');
    // Nothing sent: the missing answers are named, and focus is on the first.
    await containsText(page.getByTestId('missing'), 'Before sending, answer:');
    const size = page.locator('[data-question="SIZE"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-question') === 'SIZE');
    expect(await size.getAttribute('aria-invalid')).toBe('true');
    await checked(page, 'desk-ticket-missing');
    await keys.press('ArrowDown');
    await keys.press('Tab', 'ArrowDown');
    // The resident's language and wish for updates go with their contact data.
    await page.getByLabel('Phone').focus();
    await keys.type('978-555-0123');
    await page.getByLabel('Language').focus();
    await keys.press('ArrowDown', 'ArrowDown');
    await page.getByLabel('Updates').focus();
    await keys.press('ArrowDown');
    await page.getByLabel('Address').focus();
    await keys.press('Enter');
    await containsText(status(page), 'opened. Alt+Q ends the contact.');
    const ticketId = (await page.getByTestId('last-ticket').locator('a').innerText()).trim();
    await keys.press('Alt+KeyQ');
    await containsText(status(page), 'Contact ended');
    report('open a ticket with required questions', keys, started);

    const ticket = await api.request('GET', `/tickets/${ticketId}`, { token: as.operator });
    expect(ticket.body).toMatchObject({ serviceCode: 'POTHOLE', channel: 'phone', location: { address: '40 Oak St' } });
    expect(Object.keys(ticket.body.attributes).sort()).toEqual(['IN_ROADWAY', 'SIZE']);
    expect(ticket.body.contact).toEqual({ phone: '978-555-0123', language: 'es', updates: 'sms' });
    const history = await api.request('GET', `/tickets/${ticketId}/history`, { token: as.operator });
    expect(history.body.events[0].data.raisedByContact).toBe(id);
    await operator.close();
  });

  it('is offered the open pothole 20 m away and the caller’s own ticket, links the report to the pothole, and looks the resident up (recorded), by keyboard', async () => {
    const { api, browser, base } = suite();
    const existing = await api.command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      description: 'Pothole at the corner',
      channel: 'phone',
      location: { address: '1 Birch St', latitude: 42.77, longitude: -71.08 },
      attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
    });
    const parent = existing.body.ticketId as string;
    const own = await api.command('/tickets', as.operator, {
      serviceCode: 'GRAFFITI',
      description: 'Tags on the library wall',
      channel: 'phone',
      location: { address: '9 Library Ln' },
      contact: { name: 'Rita Resident', phone: '978-555-0142' },
      attributes: { PROPERTY_TYPE: 'public', OFFENSIVE: 'no' },
    });
    const ownTicket = own.body.ticketId as string;
    const operator = await signedIn(browser, base, as.operator, '/console/desk');
    const { page } = operator;
    const keys = new Keys(page);
    const started = Date.now();
    const id = await openServiceForm(page, keys, 'pothole', 'POTHOLE', 'SIZE');
    await page.getByLabel('Latitude (when known)').focus();
    await keys.type('42.77018');
    await keys.press('Tab');
    await keys.type('-71.08');
    await page.getByLabel('Phone', { exact: true }).focus();
    await keys.type('978 555 0142');
    const offered = page.locator(`[data-testid="duplicates"] li[data-ticket="${parent}"]`);
    await offered.waitFor();
    await containsText(offered, '(20 m away)');
    await containsText(page.locator(`[data-testid="duplicates"] li[data-ticket="${ownTicket}"]`), 'the resident’s own, by phone');
    await checked(page, 'desk-duplicates');
    await offered.getByRole('button').focus();
    await keys.press('Enter');
    await containsText(status(page), `Linked to ticket ${parent} as the same problem.`);
    report('link a report to the duplicate', keys, started);

    // The parent's history records the other report, raised at this contact; the contact names the parent.
    const history = await api.request('GET', `/tickets/${parent}/history`, { token: as.operator });
    expect(history.body.events.map((e: { type: string }) => e.type)).toContain('AnotherReportRecorded');
    expect(history.body.events.find((e: { type: string }) => e.type === 'AnotherReportRecorded').data).toMatchObject({ raisedByContact: id, channel: 'phone' });
    const linked = await api.request('GET', `/contacts/${id}`, { token: as.operator });
    expect(linked.body.contact.steps).toEqual([expect.objectContaining({ kind: 'ticket', ticketId: parent, relation: 'same_problem' })]);

    // The resident's previous tickets, by phone; the look-up is on the director's record.
    const lookup = new Keys(page);
    const lookupStarted = Date.now();
    await lookup.press('Alt+KeyL');
    await page.waitForFunction(() => document.activeElement?.id === 'desk-lookup-phone');
    await lookup.type('978-555-0142');
    await lookup.press('Enter');
    await page.locator(`[data-testid="lookup-found"] li[data-ticket="${ownTicket}"]`).waitFor();
    await checked(page, 'desk-lookup');
    report('look the resident up', lookup, lookupStarted);
    const record = await api.request('GET', '/residents/lookups', { token: as.director });
    expect(record.body.lookups).toContainEqual(
      expect.objectContaining({
        purpose: 'lookup',
        phoneKey: residentPhoneKey('978-555-0142'),
        contactId: id,
        by: expect.objectContaining({ id: 'ada.operator' }),
      }),
    );
    await keys.press('Alt+KeyQ');
    await containsText(status(page), 'Contact ended');
    await operator.close();
  });

  it('transfers to a department with nobody available, and the callback appears in that department’s live queue', async () => {
    const { api, browser, base } = suite();
    const head = await signedIn(browser, base, as.director, '/console/departments/ENGINEERING/queue');
    await head.page.getByTestId('queue').or(head.page.getByText('No tickets')).first().waitFor();

    const operator = await signedIn(browser, base, as.operator, '/console/desk');
    const { page } = operator;
    const keys = new Keys(page);
    const started = Date.now();
    const id = await startContact(page, keys);
    await keys.press('Alt+KeyX');
    await page.waitForFunction(() => document.activeElement?.id === 'desk-transfer-department');
    await keys.type('Traffic');
    await containsText(page.getByTestId('coverage-now'), 'Nobody is answering');
    await keys.press('Tab');
    await keys.type('Signal timing at Elm and Main');
    await keys.press('Tab', 'Tab', 'Enter');
    await containsText(status(page), 'Nobody answered at Traffic & Engineering');
    await page.getByTestId('desk-ticket').locator('[data-question="QUESTION"]').waitFor();
    await page.locator('[data-question="QUESTION"]').focus();
    await keys.type('Why is the signal at Elm and Main so slow?');
    await page.getByLabel('Phone').focus();
    await keys.type('978-555-0199');
    await keys.press('Enter');
    await containsText(status(page), 'is in the department’s queue');
    const ticketId = (await page.getByTestId('last-ticket').locator('a').innerText()).trim();
    await checked(page, 'desk-callback');
    await keys.press('Alt+KeyQ');
    await containsText(status(page), 'Contact ended');
    report('transfer, nobody answered, callback ticket', keys, started);

    // The department's live queue shows it without a reload.
    await head.page.locator(`[data-testid="queue"] tr[data-ticket="${ticketId}"]`).waitFor();
    const { body } = await api.request('GET', `/contacts/${id}`, { token: as.operator });
    const text = JSON.stringify(body.contact);
    expect(text).toContain('ENGINEERING');
    expect(text).toContain(ticketId);
    expect(body.contact.callbacks).toEqual([expect.objectContaining({ department: 'ENGINEERING', dueBy: expect.any(String) })]);

    // The director's coverage report shows the gap: a transfer to Traffic & Engineering that reached nobody.
    const day = new Date(Date.parse(body.contact.startedAt) - 5 * 3_600_000).toISOString().slice(0, 10);
    const next = new Date(Date.parse(`${day}T05:00:00Z`) + 86_400_000).toISOString();
    let ended: string | undefined;
    for await (const event of api.app.get<EventStore>(EVENT_STORE).readStream(`contact-${id}`, { direction: 'backwards', maxCount: 1 }))
      ended = event.globalPosition;
    const range = `from=${day}T05:00:00Z&to=${next}&position=${ended}`;
    // The report counts what started before now: a minute later on the API's clock.
    api.clock.advance(1);
    const figures = await api.request('GET', `/metrics/phone-coverage?${range}`, { token: as.director });
    const engineering = figures.body.days.find((d: { department: string }) => d.department === 'ENGINEERING');
    expect(engineering.transfersNotReached).toBeGreaterThanOrEqual(1);
    await head.page.goto(`${base}/console/phone-coverage?from=${day}&to=${day}`);
    const row = head.page.getByTestId('coverage-table').locator(`tr[data-row="ENGINEERING-${day}"]`);
    await containsText(row, `${engineering.transfersNotReached} of ${engineering.transfers}`);
    await head.close();
    await operator.close();
  });

  it('a callback about a service the catalog routes on open is in the department’s queue from the open (no second assignment)', async () => {
    const { api, browser, base } = suite();
    const operator = await signedIn(browser, base, as.operator, '/console/desk');
    const { page } = operator;
    const keys = new Keys(page);
    const started = Date.now();
    const id = await openServiceForm(page, keys, 'traffic signal', 'TRAFFIC-SIGNAL', 'SIGNAL_PROBLEM');
    // The resident wants the engineers: the transfer starts at the service's department.
    await keys.press('Alt+KeyX');
    await page.waitForFunction(() => document.activeElement?.id === 'desk-transfer-department');
    expect(await page.locator('#desk-transfer-department').inputValue()).toBe('ENGINEERING');
    await containsText(page.getByTestId('coverage-now'), 'Nobody is answering');
    await keys.press('Tab');
    await keys.type('Signal at Elm and Main stays red');
    await keys.press('Tab', 'Tab', 'Enter');
    await containsText(status(page), 'Nobody answered at Traffic & Engineering');
    const question = page.getByTestId('desk-ticket').locator('[data-question="SIGNAL_PROBLEM"]');
    await question.waitFor();
    expect(await page.getByLabel('Service *').inputValue()).toBe('TRAFFIC-SIGNAL');
    await question.focus();
    await keys.press('ArrowDown', 'ArrowDown');
    await page.getByLabel('Phone').focus();
    await keys.type('978-555-0177');
    await keys.press('Enter');
    await containsText(status(page), 'is in the department’s queue');
    const ticketId = (await page.getByTestId('last-ticket').locator('a').innerText()).trim();
    await keys.press('Alt+KeyQ');
    await containsText(status(page), 'Contact ended');
    report('transfer about a routed service, nobody answered, callback ticket', keys, started);

    const history = await api.request('GET', `/tickets/${ticketId}/history`, { token: as.director });
    const assigned = history.body.events.filter((e: { type: string }) => e.type === 'TicketAssigned');
    expect(assigned).toEqual([expect.objectContaining({ data: expect.objectContaining({ department: 'ENGINEERING', routedBy: 'catalog' }) })]);
    const { body } = await api.request('GET', `/contacts/${id}`, { token: as.operator });
    expect(body.contact.callbacks).toEqual([expect.objectContaining({ department: 'ENGINEERING', dueBy: expect.any(String) })]);
    await operator.close();
  });
});
