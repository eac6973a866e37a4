/**
 * Photos on the ticket page end to end (./console-suite: the real API and the real Vite build in
 * headless Chromium): a photo attached through the API is shown (its thumbnail fetched with the
 * person's token, which the page's CSP lets it show as a blob: URL), staff attach one from the page,
 * and complete the ticket with a photo from the Complete dialog; the desk opens a ticket with the
 * photo the resident sent.
 */
import { as, assignedToPublicWorks } from '../../api/test/api-harness';
import { multipart, phoneJpeg, send } from '../../api/test/photos/photo-fixtures';
import { containsText, countBecomes, signedIn } from './browser';
import { checked, consoleSuite, Keys } from './console-suite';

jest.setTimeout(120_000);

const suite = consoleSuite();

/** How many thumbnails on the page have loaded (a decoded image has a natural width). */
const loadedThumbnails = (page: import('playwright-core').Page) =>
  page.$$eval(
    '.ticket-photos img',
    (images) => images.filter((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0).length,
  );

describe('photos on the ticket page', () => {
  it('shows a ticket’s photos, attaches one from the page, and completes the ticket with a photo', async () => {
    const { api, browser } = suite();
    const ticketId = await assignedToPublicWorks(api);
    const first = await send(api, 'POST', `/tickets/${ticketId}/photos`, {
      token: as.operator,
      body: multipart([
        { name: 'photo', value: await phoneJpeg(), filename: 'from-the-resident.jpg', type: 'image/jpeg' },
        { name: 'caption', value: 'Sent by the resident' },
      ]),
    });
    expect(first.status).toBe(200);

    const { page } = await signedIn(browser, suite().base, as.dpwStaff, `/console/tickets/${ticketId}`);
    await page.getByRole('heading', { name: 'Photos' }).waitFor();
    await page.getByRole('button', { name: 'Photo: Sent by the resident (open full size)' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.ticket-photos img')].some((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(await loadedThumbnails(page)).toBe(1);
    await checked(page, 'ticket-photos');

    // Attach one from the page: public, with a caption.
    await page.getByLabel('Attach a photo').setInputFiles({ name: 'crew.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg('#3a7') });
    await page.getByLabel('Who may see it').selectOption('public');
    await page.getByLabel('Caption').fill('Crew on site');
    await page.getByRole('button', { name: 'Attach the photo' }).click();
    await countBecomes(page, '.ticket-photos img', 2);
    await page.waitForFunction(() => [...document.querySelectorAll('.ticket-photos img')].filter((i) => (i as HTMLImageElement).naturalWidth > 0).length === 2);

    // Complete with a photo of the finished work.
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Resolution').fill('repaired');
    await dialog.getByLabel('What was done').fill('Patched the pothole');
    await dialog.getByLabel('Photo (optional)').setInputFiles({ name: 'done.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg('#777') });
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await dialog.waitFor({ state: 'detached' });
    await countBecomes(page, '.ticket-photos img', 3);

    const ticket = (await api.request('GET', `/tickets/${ticketId}`, { token: as.operator })).body;
    expect(ticket.status).toBe('completed');
    expect(ticket.photos.map((p: { visibility: string; caption?: string; attachedBy: string }) => [p.visibility, p.caption, p.attachedBy])).toEqual([
      ['internal', 'Sent by the resident', 'ada.operator'],
      ['public', 'Crew on site', 'sam.dpw'],
      ['internal', undefined, 'sam.dpw'],
    ]);
    // A completed ticket takes no more photos: the form is gone.
    expect(await page.getByLabel('Attach a photo').count()).toBe(0);
  });

  it('the desk opens a ticket with a photo, attached for city staff', async () => {
    const { api, browser, base } = suite();
    const operator = await signedIn(browser, base, as.operator, '/console/desk');
    const { page } = operator;
    const keys = new Keys(page);
    await keys.press('Alt+KeyN');
    await containsText(page.getByTestId('desk-status'), 'Contact started');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    await keys.type('pothole');
    await page.locator('[data-testid="desk-hits"] li[data-ref="POTHOLE"]').waitFor();
    const refs = await page.locator('[data-testid="desk-hits"] li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ref')));
    for (let i = 0; i <= refs.indexOf('POTHOLE'); i++) await keys.press('ArrowDown');
    await keys.press('Enter');
    await page.getByTestId('desk-ticket').locator('[data-question="SIZE"]').waitFor();
    await page.getByLabel('What is the problem? *').fill('Pothole, photo sent by the resident');
    await page.getByLabel('Address').fill('9 Elm St');
    await page.locator('[data-question="SIZE"]').focus();
    await keys.press('ArrowDown', 'Tab', 'ArrowDown');
    await page.getByLabel('Photo (optional)').setInputFiles({ name: 'resident.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg('#a53') });
    await page.getByRole('button', { name: /Open the ticket/ }).click();
    await containsText(page.getByTestId('desk-status'), 'opened. Alt+Q ends the contact.');
    const ticketId = (await page.getByTestId('last-ticket').locator('a').innerText()).trim();
    expect(await page.getByTestId('last-ticket').innerText()).not.toContain('not attached');

    const ticket = (await api.request('GET', `/tickets/${ticketId}`, { token: as.operator })).body;
    expect(ticket.photos).toEqual([expect.objectContaining({ source: 'upload', visibility: 'internal', attachedBy: 'ada.operator' })]);
    await operator.close();
  });
});
