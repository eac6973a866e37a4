import type { PhotoToAttach } from '../model/ticket-photo';
import { actors } from '../testing/test-catalog';
import { given, steps } from '../testing/ticket-spec';

const image = (sha: string, size: number) => ({ sha256: sha.repeat(64), contentType: 'image/jpeg', size, width: 640, height: 480 }) as const;
const upload: PhotoToAttach = {
  attachmentId: 'PH-1',
  visibility: 'internal',
  caption: 'After the repair',
  source: 'upload',
  original: image('a', 52_000),
  thumbnail: image('b', 4_000),
  location: { latitude: 42.77, longitude: -71.08 },
};
const link: PhotoToAttach = { attachmentId: 'PH-2', visibility: 'public', source: 'link', url: 'https://app.example.org/m/1.jpg' };

describe('photos on a ticket', () => {
  it('is attached to an open ticket by its department, recorded as PhotoAttached and kept in the state with who and when; the ticket does not move', () => {
    const { state } = given(steps.open(), steps.assign(), steps.start())
      .when({ type: 'AttachPhoto', photo: upload }, actors.dpwStaff)
      .then({ type: 'PhotoAttached', data: upload, metadata: expect.objectContaining({ actor: actors.dpwStaff, schemaVersion: 1 }) });
    expect(state.status).toBe('in_progress');
    expect(state.photos).toEqual([{ ...upload, attachedAt: expect.any(String), attachedBy: actors.dpwStaff.id }]);
  });

  it('comes with an opening in the same append, after TicketOpened', () => {
    const { events, state } = given()
      .when({ ...steps.open().command, type: 'OpenTicket', photos: [link, upload] } as never, actors.operator)
      .then({ type: 'TicketOpened' }, { type: 'PhotoAttached', data: link }, { type: 'PhotoAttached', data: upload });
    expect(events).toHaveLength(3);
    expect(state.photos?.map((p) => p.attachmentId)).toEqual(['PH-2', 'PH-1']);
  });

  it('is refused once the ticket is completed or closed, and to a resident token or another department’s staff, naming the rule', () => {
    given(steps.open(), steps.assign(), steps.complete()).when({ type: 'AttachPhoto', photo: upload }, actors.dpwStaff).thenFails('IllegalTransition');
    given(steps.open(), steps.close()).when({ type: 'AttachPhoto', photo: upload }, actors.operator).thenFails('IllegalTransition');
    for (const actor of [actors.resident, actors.clerkStaff]) {
      given(steps.open(), steps.assign())
        .when({ type: 'AttachPhoto', photo: upload }, actor)
        .thenFails('Forbidden', { rule: 'photosAreAttachedByOperatorsTheDepartmentAndTheDirector' });
    }
  });

  it('checks every field of a photo, naming each by its path', () => {
    const bad = {
      attachmentId: 'no spaces!',
      visibility: 'everyone',
      source: 'upload',
      original: { ...image('a', 1), sha256: 'ABC', contentType: 'image/gif' },
      thumbnail: { ...image('b', 1), width: 0 },
      location: { latitude: 91 },
    };
    const decision = given(steps.open()).when({ type: 'AttachPhoto', photo: bad as never }, actors.operator).decision;
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.field : p.kind))).toEqual([
      'photo.attachmentId',
      'photo.visibility',
      'photo.original.sha256',
      'photo.original.contentType',
      'photo.thumbnail.width',
      'photo.location.latitude',
      'photo.location',
    ]);
    const badLink = given(steps.open()).when({ type: 'AttachPhoto', photo: { ...link, url: 'file:///etc/passwd' } }, actors.operator).decision;
    expect(badLink.ok || badLink.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.message : p.kind))).toEqual(['photo.url: must be an http or https URL']);
  });

  it('refuses an open with too many photos or one id twice', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ ...link, attachmentId: `P${i}` }));
    for (const [photos, message] of [
      [many, 'must hold at most 5 photos (got 6)'],
      [[link, link], 'names attachment PH-2 twice'],
    ] as const) {
      const decision = given().when({ ...steps.open().command, type: 'OpenTicket', photos } as never, actors.operator).decision;
      expect(decision.ok || decision.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.message : p.kind))).toEqual([`photos: ${message}`]);
    }
  });
});
