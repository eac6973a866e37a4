import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../catalog';
import type { OpenTicket } from '../commands/ticket-commands';
import { fold } from '../evolve/evolve';
import { decide } from './decide';

// Every intake path (the JSON API, Open311, the desk) reaches decide, so the service's own
// questions are checked here once, exactly as its Open311 definition states them.
const catalog = parseCatalog(readFileSync(join(__dirname, '../../config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');
const operator = { id: 'op', role: 'operator' as const };

const open = (fields: Partial<OpenTicket>) =>
  decide(
    {
      type: 'OpenTicket',
      ticketId: 'DEM-0001',
      serviceCode: 'POTHOLE',
      description: 'Deep pothole',
      channel: 'phone',
      attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
      ...fields,
    },
    fold([]),
    { now: new Date('2026-11-02T14:00:00Z'), actor: operator, commandId: 'c1', catalog },
  );

const refusedFields = (fields: Partial<OpenTicket>) => {
  const decision = open(fields);
  if (decision.ok) throw new Error('expected a refusal');
  return (decision.problems ?? [decision.error]).map((p) => p.message);
};

describe("an open answers its service's questions", () => {
  it('records the answers when they fit the definition', () => {
    const decision = open({});
    expect(decision.ok && decision.events[0].data).toMatchObject({ attributes: { SIZE: 'large', IN_ROADWAY: 'yes' } });
  });

  it('names a required question left unanswered', () => {
    expect(refusedFields({ attributes: { SIZE: 'large' } })).toEqual([expect.stringMatching(/^attributes\.IN_ROADWAY: .*is required/)]);
    expect(refusedFields({ attributes: undefined })).toHaveLength(2);
  });

  it('refuses a code the service does not ask, however many', () => {
    const unknown = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`X${i}`, 'y']));
    const problems = refusedFields({ attributes: { SIZE: 'large', IN_ROADWAY: 'yes', ...unknown } });
    expect(problems).toHaveLength(50);
    expect(problems[0]).toMatch(/^attributes\.X0: .*is not an attribute of service POTHOLE/);
  });

  it('refuses a choice outside a list, and several values for a single choice', () => {
    expect(refusedFields({ attributes: { SIZE: 'huge', IN_ROADWAY: 'yes' } })).toEqual([
      expect.stringMatching(/^attributes\.SIZE: .*has no choice "huge"; choose one of small, medium, large/),
    ]);
    expect(refusedFields({ attributes: { SIZE: ['small', 'large'], IN_ROADWAY: 'yes' } })).toEqual([
      expect.stringMatching(/^attributes\.SIZE: .*takes one value/),
    ]);
  });

  it('refuses answers of the wrong shape', () => {
    expect(refusedFields({ attributes: { SIZE: { nested: true } as never, IN_ROADWAY: 'yes' } })).toEqual([
      'attributes: SIZE must be a string, a number or a list of strings',
    ]);
  });

  it('records a number as a number and a multi-value list without repeats', () => {
    const decision = open({ serviceCode: 'BULK-ITEM-PICKUP', attributes: { ITEMS: ['sofa', 'mattress', 'sofa'], ITEM_COUNT: '3' } });
    expect(decision.ok && decision.events[0].data).toMatchObject({ attributes: { ITEMS: ['sofa', 'mattress'], ITEM_COUNT: 3 } });
    expect(refusedFields({ serviceCode: 'BULK-ITEM-PICKUP', attributes: { ITEMS: ['sofa'], ITEM_COUNT: 'three' } })).toEqual([
      expect.stringMatching(/^attributes\.ITEM_COUNT: .*must be a number/),
    ]);
  });

  it('takes a prototype key as an unknown code, never as the object’s prototype', () => {
    const attributes = JSON.parse('{"SIZE":"large","IN_ROADWAY":"yes","__proto__":"polluted"}');
    expect(refusedFields({ attributes })).toEqual([expect.stringMatching(/^attributes\.__proto__: .*is not an attribute/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the resident's contact", () => {
  it('refuses an e-mail address that is not one, and a phone number with no digits to dial', () => {
    expect(refusedFields({ contact: { email: 'not an email' } })).toEqual([expect.stringMatching(/^contact\.email: must be an e-mail address/)]);
    expect(refusedFields({ contact: { phone: 'call me maybe' } })).toEqual([expect.stringMatching(/^contact\.phone: must be a phone number/)]);
  });

  it('takes the usual ways of writing them', () => {
    for (const contact of [{ email: 'ann.resident+311@example.co.uk' }, { phone: '(978) 555-0101' }, { phone: '+1 978.555.0101 ext 12' }]) {
      expect(open({ contact }).ok).toBe(true);
    }
  });
});
