/**
 * Photos on the ticket page end to end (./console-suite: the real API and the real Vite build in
 * headless Chromium): a photo attached through the API is shown (its thumbnail fetched with the
 * person's token, which the page's CSP lets it show as a blob: URL), staff attach one from the page,
 * and complete the ticket with a photo from the Complete dialog.
 */
import { as, assignedToPublicWorks } from '../../api/test/api-harness';
import { multipart, phoneJpeg, send } from '../../api/test/photos/photo-fixtures';
import { countBecomes, signedIn } from './browser';
import { checked, consoleSuite } from './console-suite';

jest.setTimeout(120_000);

const suite = consoleSuite({ demoData: false });

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
});
