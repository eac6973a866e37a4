import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../catalog';
import { fold } from '../evolve/evolve';
import { decide } from './decide';

// The shipped demo catalog drives the domain end to end: a Friday-evening missed-trash call
// is due at Monday's close (1 business day, counting from the next opening).
const catalog = parseCatalog(readFileSync(join(__dirname, '../../config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');

describe('the demo catalog in a decision', () => {
  it('routes a missed-trash call to Public Works with a one-business-day SLA', () => {
    const operator = { id: 'op', role: 'operator' as const };
    const opened = decide(
      {
        type: 'OpenTicket',
        ticketId: 'DEM-0001',
        serviceCode: 'TRASH-MISSED',
        description: 'Missed pickup',
        channel: 'phone',
        attributes: { CART_TYPE: 'recycling' },
      },
      fold([]),
      { now: new Date('2026-11-06T23:00:00Z'), actor: operator, commandId: 'c1', catalog },
    );
    if (!opened.ok) throw new Error(opened.error.message);
    const owner = catalog.service('TRASH-MISSED')!.department;
    const assigned = decide({ type: 'AssignTicket', ticketId: 'DEM-0001', department: owner }, fold(opened.events), {
      now: new Date('2026-11-07T00:00:00Z'), // Friday 19:00 in Harrowfield
      actor: operator,
      commandId: 'c2',
      catalog,
    });
    if (!assigned.ok) throw new Error(assigned.error.message);
    expect(fold([...opened.events, ...assigned.events])).toMatchObject({
      status: 'assigned',
      department: owner,
      dueAt: '2026-11-09T21:30:00.000Z', // Monday 16:30 EST
    });
  });
});
