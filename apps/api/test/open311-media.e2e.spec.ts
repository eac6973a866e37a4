import sharp from 'sharp';
import { DEFAULT_PHOTO_POLICY } from '@switchboard/attachments';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import { READ_MODELS } from '../src/read-models/read-models.module';
import { as, type TestApi, useTestApi } from './api-harness';
import { BASE, open311Client } from './open311/open311-client';
import { potholeReport } from './open311/submissions';
import { multipart, noisyPng, type Part, phoneJpeg, send, storedBlobs } from './photos/photo-fixtures';

const MAX_BYTES = 64 * 1024;

/** Every event of the log, counted: a refused request must leave it as it was. */
async function eventCount(api: TestApi): Promise<number> {
  let count = 0;
  for await (const _ of api.app.get<EventStore>(EVENT_STORE).readAll()) count += 1;
  return count;
}

/** The pothole report's fields as multipart parts, with extra parts (files). */
const reportParts = (...extra: Part[]): Part[] => [...[...potholeReport().entries()].map(([name, value]) => ({ name, value })), ...extra];

describe('Open311 photos: multipart media, media_url, and the public media resource', () => {
  const api = useTestApi({ attachments: { policy: { ...DEFAULT_PHOTO_POLICY, maxBytes: MAX_BYTES } } } as never);
  const open311 = open311Client(api);
  const post = (format: string, parts: Part[]) => send(api(), 'POST', `${BASE}/requests.${format}`, { body: multipart(parts) });

  it('takes media uploads (multipart, the v2.1 draft): public, EXIF location stripped for residents, served unauthenticated at media_url', async () => {
    const answer = await post('json', reportParts({ name: 'media', value: await phoneJpeg(), filename: 'pothole.jpg', type: 'image/jpeg' }));
    expect(answer.status).toBe(201);
    const id = answer.json[0].service_request_id;
    const ticket = (await api().request('GET', `/tickets/${id}`, { token: as.operator })).body;
    expect(ticket.photos).toEqual([expect.objectContaining({ source: 'upload', visibility: 'public', attachedBy: 'resident-portal' })]);
    expect(ticket.photos[0]).not.toHaveProperty('location');
    expect(ticket.contact).toMatchObject({ name: 'Ann Resident' });

    const read = await open311.get(`requests/${id}.json`);
    const url = `${await api().app.getUrl()}${BASE}/media/${id}/${ticket.photos[0].attachmentId}.jpg`;
    expect(read.json[0].media_url).toBe(url);
    expect((await open311.get(`requests/${id}.xml`)).text).toContain(`<media_url>${url}</media_url>`);

    const image = await fetch(url);
    expect([image.status, image.headers.get('content-type'), image.headers.get('cache-control')]).toEqual([200, 'image/jpeg', 'public, max-age=86400']);
    const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([metadata.width, metadata.height, metadata.exif]).toEqual([20, 40, undefined]);
  });

  it('keeps a media_url as a link photo (never fetched) and answers it back as the request’s media_url', async () => {
    const blobs = storedBlobs(api());
    const link = 'https://app.example.org/reports/77/photo.jpg';
    const answer = await open311.post('requests.json', potholeReport([['media_url', link]]));
    expect(answer.status).toBe(201);
    const id = answer.json[0].service_request_id;
    expect((await open311.get(`requests/${id}.json`)).json[0].media_url).toBe(link);
    const ticket = (await api().request('GET', `/tickets/${id}`, { token: as.operator })).body;
    expect(ticket.photos).toEqual([expect.objectContaining({ source: 'link', url: link, visibility: 'public' })]);
    expect(storedBlobs(api())).toEqual(blobs);
  });

  it('shows only public photos: an internal photo has no media_url and is not found at the media resource', async () => {
    const id = (await open311.post('requests.json', potholeReport())).json[0].service_request_id;
    const upload = await send(api(), 'POST', `/tickets/${id}/photos`, {
      token: as.operator,
      body: multipart([{ name: 'photo', value: await phoneJpeg('#35a'), filename: 'inside.jpg', type: 'image/jpeg' }]),
    });
    expect(upload.status).toBe(200);
    expect((await open311.get(`requests/${id}.json`)).json[0]).not.toHaveProperty('media_url');
    const hidden = await send(api(), 'GET', `${BASE}/media/${id}/${upload.json.attachmentId}.jpg`);
    expect(hidden.status).toBe(404);
    expect(hidden.bytes.toString()).toContain('was not found');
  });

  describe('refusals in Open311’s format, leaving no ticket, no event and no blob', () => {
    const refused = async (parts: Part[], status: number, description: string | RegExp) => {
      const [events, blobs] = [await eventCount(api()), storedBlobs(api())];
      const answer = await post('json', parts);
      expect(answer.status).toBe(status);
      expect(answer.json).toEqual([{ code: status, description: expect.stringMatching(description) }]);
      expect(await eventCount(api())).toBe(events);
      expect(storedBlobs(api())).toEqual(blobs);
    };

    it('415 for media that is not a photo by its content', () =>
      refused(
        reportParts({ name: 'media', value: Buffer.from('%PDF-1.4 not a photo'), filename: 'photo.jpg', type: 'image/jpeg' }),
        415,
        /^media: .*a PDF document/,
      ));

    it('413 for media over the size limit', async () =>
      refused(reportParts({ name: 'media', value: await noisyPng(200, 200), filename: 'big.png', type: 'image/png' }), 413, /larger than the limit of 64 KB/));

    it('403 for a missing or wrong api_key, also in a multipart form', async () =>
      refused(
        reportParts({ name: 'media', value: await phoneJpeg(), filename: 'p.jpg', type: 'image/jpeg' }).map((part) =>
          part.name === 'api_key' ? { ...part, value: 'nope' } : part,
        ),
        403,
        /Invalid api_key/,
      ));

    it('400 for a media_url that is not an http(s) URL, and for a file under another name', async () => {
      await refused(reportParts({ name: 'media_url', value: 'file:///etc/passwd' }), 400, /media_url must be an http or https URL/);
      await refused(reportParts({ name: 'photo', value: await phoneJpeg(), filename: 'p.jpg', type: 'image/jpeg' }), 400, /files only as media/);
    });

    it('400 for an open the domain refuses after the upload was checked (an e-mail that is none, judged by the decision): nothing stored', async () =>
      refused(
        reportParts({ name: 'media', value: await phoneJpeg('#5a3'), filename: 'p.jpg', type: 'image/jpeg' }).map((part) =>
          part.name === 'email' ? { ...part, value: 'not-an-address' } : part,
        ),
        400,
        /contact\.email: must be an e-mail address/,
      ));
  });
});

describe('Open311 servicerequestupdates (mySociety’s extension)', () => {
  const api = useTestApi();
  const open311 = open311Client(api);

  it('answers the public updates of a window, oldest first, with FixMyStreet’s statuses, public photos’ media_url, in JSON and XML', async () => {
    const id = (await open311.post('requests.json', potholeReport())).json[0].service_request_id;
    const step = async (url: string, token: string, body: unknown = {}) => {
      api().clock.advance(10);
      return (await api().command(url, token, body)).body.position as string;
    };
    await step(`/tickets/${id}/assign`, as.operator, { department: 'DPW' });
    await step(`/tickets/${id}/start`, as.dpwStaff);
    await step(`/tickets/${id}/comments`, as.dpwStaff, { body: 'Crew on site.', visibility: 'public' });
    await step(`/tickets/${id}/comments`, as.dpwStaff, { body: 'Resident was rude.', visibility: 'internal' });
    api().clock.advance(10);
    const photo = await send(api(), 'POST', `/tickets/${id}/photos`, {
      token: as.dpwStaff,
      body: multipart([
        { name: 'photo', value: await phoneJpeg('#777'), filename: 'after.jpg', type: 'image/jpeg' },
        { name: 'visibility', value: 'public' },
        { name: 'caption', value: 'Patched.' },
      ]),
    });
    expect(photo.status).toBe(200);
    const last = await step(`/tickets/${id}/complete`, as.dpwStaff, { resolutionCode: 'repaired', note: 'Cold patch; internal note.' });
    await api().app.get<ReadModels>(READ_MODELS).waitForPosition(last, 5000);

    const window = 'start_date=2026-11-02T09:00:00-05:00&end_date=2026-11-02T10:00:00-05:00';
    const answer = await open311.get('servicerequestupdates.json', window);
    expect(answer.status).toBe(200);
    const base = `${await api().app.getUrl()}${BASE}`;
    expect(answer.json).toEqual(
      [
        {
          update_id: expect.any(String),
          service_request_id: id,
          status: 'open',
          updated_datetime: '2026-11-02T09:10:00-05:00',
          description: 'Routed to Public Works.',
          media_url: '',
        },
        {
          update_id: expect.any(String),
          service_request_id: id,
          status: 'in_progress',
          updated_datetime: '2026-11-02T09:20:00-05:00',
          description: 'Work has started.',
          media_url: '',
        },
        {
          update_id: expect.any(String),
          service_request_id: id,
          status: 'in_progress',
          updated_datetime: '2026-11-02T09:30:00-05:00',
          description: 'Crew on site.',
          media_url: '',
        },
        {
          update_id: expect.any(String),
          service_request_id: id,
          status: 'in_progress',
          updated_datetime: '2026-11-02T09:50:00-05:00',
          description: 'Patched.',
          media_url: `${base}/media/${id}/${photo.json.attachmentId}.jpg`,
        },
        {
          update_id: expect.any(String),
          service_request_id: id,
          status: 'fixed',
          updated_datetime: '2026-11-02T10:00:00-05:00',
          description: 'Completed.',
          media_url: '',
        },
        // end_date is exclusive: the completion at 10:00 is the next window's.
      ].slice(0, 4),
    );
    expect(new Set(answer.json.map((u: { update_id: string }) => u.update_id)).size).toBe(4);
    expect(answer.text).not.toContain('rude');

    const all = await open311.get('servicerequestupdates.xml', 'start_date=2026-11-02T09:00:00-05:00');
    expect(all.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_request_updates>\n {2}<request_update>\n {4}<update_id>/);
    expect(all.text).toContain('<status>fixed</status>');
    expect(all.text.match(/<request_update>/g)).toHaveLength(5);
  });

  it('refuses a window that is not one, in Open311’s format', async () => {
    expect((await open311.get('servicerequestupdates.json', 'start_date=yesterday')).json).toEqual([
      { code: 400, description: 'start_date must be a W3C date-time with a time zone, e.g. 2026-11-02T00:00:00Z.' },
    ]);
    expect((await open311.get('servicerequestupdates.json', 'start_date=2026-11-02T10:00:00Z&end_date=2026-11-02T09:00:00Z')).json).toEqual([
      { code: 400, description: 'start_date must be before end_date.' },
    ]);
    expect((await open311.get('servicerequestupdates.json', 'start_date=2026-01-01T00:00:00Z&end_date=2026-11-02T09:00:00Z')).status).toBe(400);
  });
});
