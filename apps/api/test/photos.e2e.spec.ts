import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DEFAULT_PHOTO_POLICY } from '@switchboard/attachments';
import { as, assignedToPublicWorks, pothole, useTestApi } from './api-harness';
import { multipart, noisyPng, phoneJpeg, send, storedBlobs } from './photos/photo-fixtures';

const MAX_BYTES = 64 * 1024;

describe('photos on tickets', () => {
  const api = useTestApi({
    attachments: { policy: { ...DEFAULT_PHOTO_POLICY, maxBytes: MAX_BYTES } },
  } as never);
  const upload = (ticketId: string, token: string, parts: Parameters<typeof multipart>[0], headers?: Record<string, string>) =>
    send(api(), 'POST', `/tickets/${ticketId}/photos`, { token, body: multipart(parts), headers });
  const photo = async () => ({ name: 'photo', value: await phoneJpeg(), filename: 'IMG_0001.JPG', type: 'image/jpeg' });
  const revisionOf = async (ticketId: string) => (await api().request('GET', `/tickets/${ticketId}`, { token: as.operator })).body.revision;

  it('attaches an upload: served as stored (orientation applied, no EXIF), with a WebP thumbnail, listed with the location staff uploads keep', async () => {
    const ticketId = await assignedToPublicWorks(api());
    const answer = await upload(ticketId, as.dpwStaff, [
      await photo(),
      { name: 'visibility', value: 'public' },
      { name: 'caption', value: 'Before the repair' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ticketId, events: ['PhotoAttached'], status: 'assigned', attachmentId: expect.stringMatching(/^ph-[0-9a-f]{16}$/) });
    const { attachmentId } = answer.json;

    const list = await api().request('GET', `/tickets/${ticketId}/photos`, { token: as.engineeringStaff });
    expect(list.status).toBe(200);
    expect(list.body.photos).toEqual([
      {
        attachmentId,
        visibility: 'public',
        caption: 'Before the repair',
        source: 'upload',
        original: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), contentType: 'image/jpeg', size: expect.any(Number), width: 20, height: 40 },
        thumbnail: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), contentType: 'image/webp', size: expect.any(Number), width: 20, height: 40 },
        location: { latitude: 42.77, longitude: -71.08 },
        attachedAt: '2026-11-02T14:00:00.000Z',
        attachedBy: 'sam.dpw',
      },
    ]);
    const { original, thumbnail } = list.body.photos[0];

    const served = await send(api(), 'GET', `/tickets/${ticketId}/photos/${attachmentId}`, { token: as.operator });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('etag')).toBe(`"${original.sha256}"`);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(createHash('sha256').update(served.bytes).digest('hex')).toBe(original.sha256);
    const metadata = await sharp(served.bytes).metadata();
    expect([metadata.width, metadata.height, metadata.exif]).toEqual([20, 40, undefined]);

    const small = await send(api(), 'GET', `/tickets/${ticketId}/photos/${attachmentId}/thumbnail`, { token: as.director });
    expect([small.status, small.headers.get('content-type'), (await sharp(small.bytes).metadata()).format]).toEqual([200, 'image/webp', 'webp']);
    expect(createHash('sha256').update(small.bytes).digest('hex')).toBe(thumbnail.sha256);

    const again = await send(api(), 'GET', `/tickets/${ticketId}/photos/${attachmentId}`, {
      token: as.operator,
      headers: { 'if-none-match': `"${original.sha256}"` },
    });
    expect([again.status, again.bytes.length]).toEqual([304, 0]);

    const view = await api().request('GET', `/tickets/${ticketId}`, { token: as.operator });
    expect(view.body.photos).toEqual(list.body.photos);
    const history = await api().request('GET', `/tickets/${ticketId}/history`, { token: as.director });
    expect(history.body.events.at(-1)).toMatchObject({ type: 'PhotoAttached', actor: { id: 'sam.dpw' }, data: { attachmentId, visibility: 'public' } });
  });

  it('is internal by default; a retried upload (same Idempotency-Key) attaches it once; the same bytes on another ticket store nothing new', async () => {
    const ticketId = await assignedToPublicWorks(api());
    const key = { 'idempotency-key': `photo-retry-${ticketId}` };
    const first = await upload(ticketId, as.operator, [await photo()], key);
    const retried = await upload(ticketId, as.operator, [await photo()], key);
    expect(first.status).toBe(200);
    expect(retried.json).toEqual(first.json);
    const list = await api().request('GET', `/tickets/${ticketId}/photos`, { token: as.operator });
    expect(list.body.photos.map((p: { visibility: string }) => p.visibility)).toEqual(['internal']);
    const blobs = storedBlobs(api()).length;
    const other = await assignedToPublicWorks(api());
    expect((await upload(other, as.operator, [await photo()])).status).toBe(200);
    expect(storedBlobs(api())).toHaveLength(blobs);
  });

  describe('refusals: a clear 4xx naming the problem, and no blob and no event', () => {
    let ticketId: string;
    beforeAll(async () => {
      ticketId = await assignedToPublicWorks(api());
    });

    const refused = async (answer: Promise<Awaited<ReturnType<typeof upload>>>, status: number, match: Record<string, unknown>) => {
      const blobs = storedBlobs(api());
      const revision = await revisionOf(ticketId);
      const { status: got, json } = await answer;
      expect({ status: got, ...json }).toMatchObject({ status, ...match });
      expect(storedBlobs(api())).toEqual(blobs);
      expect(await revisionOf(ticketId)).toBe(revision);
    };

    it('413 for a photo over the size limit, while it streams in', async () => {
      const big = await noisyPng(200, 200);
      expect(big.length).toBeGreaterThan(MAX_BYTES);
      await refused(upload(ticketId, as.dpwStaff, [{ name: 'photo', value: big, filename: 'big.png', type: 'image/png' }]), 413, {
        error: 'PayloadTooLarge',
        problems: [{ field: 'photo', message: 'The file in photo is larger than the limit of 64 KB.' }],
      });
    });

    it('415 for what is not a photo by its content, whatever its name and declared type', async () => {
      await refused(
        upload(ticketId, as.dpwStaff, [{ name: 'photo', value: Buffer.from('%PDF-1.7\n1 0 obj <<>>'), filename: 'photo.jpg', type: 'image/jpeg' }]),
        415,
        {
          error: 'UnsupportedMediaType',
          message: expect.stringContaining('a PDF document'),
        },
      );
      await refused(
        upload(ticketId, as.dpwStaff, [{ name: 'photo', value: Buffer.from('<svg onload=alert(1)>'), filename: 'x.png', type: 'image/png' }]),
        415,
        {
          message: expect.stringContaining('not an image we recognise'),
        },
      );
    });

    it('403 for a resident token and for another department’s staff (the who-may rule named)', async () => {
      await refused(upload(ticketId, as.resident, [await photo()]), 403, { error: 'Forbidden' });
      await refused(upload(ticketId, as.engineeringStaff, [await photo()]), 403, {
        error: 'Forbidden',
        rule: 'photosAreAttachedByOperatorsTheDepartmentAndTheDirector',
      });
      const list = await api().request('GET', `/tickets/${ticketId}/photos`, { token: as.resident });
      expect(list.status).toBe(403);
    });

    it('404 for an unknown ticket and for an unknown photo', async () => {
      const blobs = storedBlobs(api());
      const unknown = await upload('NO-SUCH', as.operator, [await photo()]);
      expect(unknown).toMatchObject({ status: 404, json: { what: 'ticket', id: 'NO-SUCH' } });
      expect(storedBlobs(api())).toEqual(blobs);
      expect((await send(api(), 'GET', `/tickets/${ticketId}/photos/ph-0000000000000000`, { token: as.operator })).status).toBe(404);
    });

    it('400 without a photo file, for an unknown field, and a bad visibility', async () => {
      await refused(upload(ticketId, as.operator, [{ name: 'caption', value: 'no file' }]), 400, {
        problems: [{ field: 'photo', message: expect.stringContaining('is required') }],
      });
      await refused(upload(ticketId, as.operator, [await photo(), { name: 'colour', value: 'red' }, { name: 'visibility', value: 'everyone' }]), 400, {
        problems: [
          { field: 'colour', message: expect.stringContaining('is not a field of this form') },
          { field: 'visibility', message: 'must be one of public, internal' },
        ],
      });
      await refused(upload(ticketId, as.operator, [{ ...(await photo()), name: 'picture' }]), 400, {
        problems: [{ field: 'picture', message: expect.stringContaining('files only as photo') }],
      });
    });

    it('409 once the ticket is closed; multipart is refused (415) by routes that do not read it', async () => {
      const closed = (await api().command('/tickets', as.operator, pothole)).body.ticketId;
      await api().command(`/tickets/${closed}/close`, as.operator, { reason: 'withdrawn' });
      const blobs = storedBlobs(api());
      expect(await upload(closed, as.operator, [await photo()])).toMatchObject({ status: 409, json: { error: 'IllegalTransition' } });
      expect(storedBlobs(api())).toEqual(blobs);
      const json = await send(api(), 'POST', '/tickets', { token: as.operator, body: multipart([{ name: 'serviceCode', value: 'POTHOLE' }]) });
      expect(json).toMatchObject({ status: 415, json: { error: 'UnsupportedMediaType' } });
      const bare = await send(api(), 'POST', `/tickets/${closed}/photos`, { token: as.operator });
      expect(bare).toMatchObject({
        status: 415,
        json: { problems: [{ field: 'Content-Type', message: 'must be multipart/form-data with the photo as the file field photo' }] },
      });
    });
  });
});
