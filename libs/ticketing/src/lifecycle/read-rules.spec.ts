import type { Actor } from '../model/actor';
import { initialTicketState } from '../model/ticket-state';
import { completionGroupVisible, escalationsDepartmentFor, mayRead, READ_RULES, readAccessOf, readRefusal } from './read-rules';

const staff: Actor = { id: 'sam', role: 'staff', department: 'DPW' };
const head: Actor = { id: 'hana', role: 'department_head', department: 'DPW' };
const otherHead: Actor = { id: 'eve', role: 'department_head', department: 'ENG' };
const operator: Actor = { id: 'ada', role: 'operator' };
const director: Actor = { id: 'dee', role: 'director' };
const resident: Actor = { id: 'app', role: 'resident' };
const system: Actor = { id: 'sla-watcher', role: 'system' };

describe('read rules', () => {
  it.each([
    ['a queue', 'aQueueIsReadByItsDepartment311AndTheDirector', { department: 'DPW' }, [staff, head, operator, director], [otherHead, resident, system]],
    ['claiming', 'onlyTheDepartmentClaimsFromItsQueue', { department: 'DPW' }, [staff, head, director], [operator, otherHead, resident, system]],
    [
      'completion by department',
      'completionMetricsAreForTheDirectorAndDepartmentHeads',
      { groupBy: 'department' },
      [head, otherHead, director],
      [staff, operator, resident],
    ],
    ['completion by channel', 'completionMetricsAreForTheDirectorAndDepartmentHeads', { groupBy: 'channel' }, [director], [head, staff, operator]],
    ['escalations of all departments', 'escalationsAreForTheDirectorAndDepartmentHeads', {}, [director, head], [staff, operator, resident]],
    ['escalations of DPW', 'escalationsAreForTheDirectorAndDepartmentHeads', { department: 'DPW' }, [director, head], [otherHead, staff, operator]],
    ['the staff API', 'residentsUseOpen311', {}, [staff, head, operator, director, system], [resident]],
    [
      'a contact transferred to DPW',
      'aContactIsFor311TheDirectorAndTheDepartmentsItInvolves',
      { departments: ['311', 'DPW'] },
      [staff, head, operator, director],
      [otherHead, resident, system],
    ],
    [
      'resident contact data',
      'residentContactIsFor311TheDirectorAndTheTicketsDepartment',
      { ticket: { ...initialTicketState, status: 'assigned', department: 'DPW' } },
      [staff, head, operator, director],
      [otherHead, resident, system],
    ],
    ['a resident look-up', 'aResidentIsLookedUpBy311AndTheDirector', {}, [operator, director], [staff, head, resident, system]],
    ['the record of look-ups', 'residentLookUpsAreAuditedByTheDirector', {}, [director], [operator, staff, head, resident, system]],
  ] as const)('%s: admits exactly who the rule names', (_, rule, subject, admitted, refused) => {
    for (const actor of admitted) expect(mayRead(rule, actor, subject as never)).toBe(true);
    for (const actor of refused) expect(mayRead(rule, actor, subject as never)).toBe(false);
  });

  it('a refusal names the rule, who may and why', () => {
    expect(readRefusal('aQueueIsReadByItsDepartment311AndTheDirector', otherHead, { department: 'DPW' })).toEqual({
      rule: 'aQueueIsReadByItsDepartment311AndTheDirector',
      whoMay: [{ role: 'staff', department: 'DPW' }, { role: 'department_head', department: 'DPW' }, { role: 'operator' }, { role: 'director' }],
      message: 'Only DPW staff, 311 operators and the director may read the DPW queue.',
    });
    expect(readRefusal('escalationsAreForTheDirectorAndDepartmentHeads', head, { department: 'ENG' })?.message).toContain('escalations of DPW only');
    expect(readRefusal('completionMetricsAreForTheDirectorAndDepartmentHeads', head, { groupBy: 'channel' })?.message).toContain(
      'grouping by channel is for the director',
    );
    expect(readRefusal('residentsUseOpen311', operator, {})).toBeUndefined();
  });

  it('every rule is named in the one camelCase style of the command rules', () => {
    for (const name of Object.keys(READ_RULES)) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('a head sees their own rows of a completion report; the director every row', () => {
    const owner = (code: string) => ({ POTHOLE: 'DPW', PERMIT: 'ENG' })[code];
    expect(['DPW', 'ENG'].filter(completionGroupVisible(head, 'department', owner))).toEqual(['DPW']);
    expect(['POTHOLE', 'PERMIT'].filter(completionGroupVisible(head, 'service', owner))).toEqual(['POTHOLE']);
    expect(['DPW', 'ENG'].filter(completionGroupVisible(director, 'department', owner))).toEqual(['DPW', 'ENG']);
    expect(['DPW'].filter(completionGroupVisible(staff, 'department', owner))).toEqual([]);
  });

  it('escalations are narrowed to a head’s department, and to the one the director asks for', () => {
    expect(escalationsDepartmentFor(head, undefined)).toBe('DPW');
    expect(escalationsDepartmentFor(director, undefined)).toBeUndefined();
    expect(escalationsDepartmentFor(director, 'ENG')).toBe('ENG');
  });

  it('sums the rules up for /me', () => {
    expect(readAccessOf(staff, ['DPW', 'ENG'])).toEqual({
      readQueuesOf: ['DPW'],
      claimFromQueuesOf: ['DPW'],
      completionMetricsBy: [],
      escalations: false,
      contactMetrics: false,
      staffApi: true,
      phoneLinesOf: ['DPW'],
      phoneCoverageReports: false,
      intakeQueue: false,
      residentLookUp: false,
    });
    expect(readAccessOf(head, ['DPW', 'ENG'])).toMatchObject({ phoneLinesOf: ['DPW'], phoneCoverageReports: true, intakeQueue: false, residentLookUp: false });
    expect(readAccessOf(director, ['DPW', 'ENG'])).toMatchObject({
      phoneLinesOf: ['DPW', 'ENG'],
      phoneCoverageReports: true,
      intakeQueue: true,
      residentLookUp: true,
    });
    expect(readAccessOf(operator, ['DPW', 'ENG'])).toMatchObject({
      readQueuesOf: ['DPW', 'ENG'],
      claimFromQueuesOf: [],
      phoneLinesOf: ['DPW', 'ENG'],
      phoneCoverageReports: false,
      intakeQueue: true,
      residentLookUp: true,
    });
    expect(readAccessOf(resident, ['DPW'])).toMatchObject({ readQueuesOf: [], staffApi: false });
  });
});
