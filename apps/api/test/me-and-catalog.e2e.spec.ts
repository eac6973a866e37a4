import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { as, useTestApi } from './api-harness';

const catalogFile = JSON.parse(readFileSync(join(__dirname, '../../../libs/ticketing/config/demo-catalog.json'), 'utf8')) as {
  departments: { code: string; name: string; phone?: string; email?: string; mainLineRoutedTo311?: boolean }[];
  services: { code: string; name: string; department: string }[];
  calendar: { timeZone: string };
};

describe('GET /me', () => {
  const api = useTestApi();

  const EVERY_DEPARTMENT = ['311', 'CLERK', 'DPW', 'ASSESSING', 'TREASURER', 'ISD', 'PARKING', 'HEALTH', 'PARKS', 'ENGINEERING', 'VETERANS'];
  const dpwMember = {
    readQueuesOf: ['DPW'],
    claimFromQueuesOf: ['DPW'],
    escalations: false,
    contactMetrics: false,
    staffApi: true,
    phoneLinesOf: ['DPW'],
    phoneCoverageReports: false,
    intakeQueue: false,
    residentLookUp: false,
  };
  it.each([
    [
      'staff',
      as.dpwStaff,
      { id: 'sam.dpw', name: 'Sam (Public Works staff)', role: 'staff', department: 'DPW', may: { ...dpwMember, completionMetricsBy: [] } },
    ],
    [
      'a department head',
      as.dpwHead,
      {
        id: 'hana.dpw',
        name: 'Hana (Head of Public Works)',
        role: 'department_head',
        department: 'DPW',
        may: { ...dpwMember, completionMetricsBy: ['department', 'service'], escalations: true, contactMetrics: true, phoneCoverageReports: true },
      },
    ],
    [
      'the director',
      as.director,
      {
        id: 'dee.director',
        name: 'Dee (Director of Constituent Services)',
        role: 'director',
        department: null,
        may: {
          readQueuesOf: EVERY_DEPARTMENT,
          claimFromQueuesOf: EVERY_DEPARTMENT,
          completionMetricsBy: ['department', 'service', 'channel'],
          escalations: true,
          contactMetrics: true,
          staffApi: true,
          phoneLinesOf: EVERY_DEPARTMENT,
          phoneCoverageReports: true,
          intakeQueue: true,
          residentLookUp: true,
        },
      },
    ],
    [
      'an operator',
      as.operator,
      {
        id: 'ada.operator',
        name: 'Ada (311 operator)',
        role: 'operator',
        department: null,
        may: {
          readQueuesOf: EVERY_DEPARTMENT,
          claimFromQueuesOf: [],
          completionMetricsBy: [],
          escalations: false,
          contactMetrics: false,
          staffApi: true,
          phoneLinesOf: EVERY_DEPARTMENT,
          phoneCoverageReports: false,
          intakeQueue: true,
          residentLookUp: true,
        },
      },
    ],
    [
      'a resident',
      as.resident,
      {
        id: 'resident-portal',
        name: 'Resident web portal (Open311 api key)',
        role: 'resident',
        department: null,
        may: {
          readQueuesOf: [],
          claimFromQueuesOf: [],
          completionMetricsBy: [],
          escalations: false,
          contactMetrics: false,
          staffApi: false,
          phoneLinesOf: [],
          phoneCoverageReports: false,
          intakeQueue: false,
          residentLookUp: false,
        },
      },
    ],
  ])("answers who %s is, what they may read, and the API clock's now", async (_, token, caller) => {
    const answer = await api().request('GET', '/me', { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...caller, now: '2026-11-02T14:00:00.000Z' });
  });

  it('follows the injected clock', async () => {
    api().clock.advance(90);
    try {
      expect((await api().request('GET', '/me', { token: as.operator })).body.now).toBe('2026-11-02T15:30:00.000Z');
    } finally {
      api().clock.advance(-90);
    }
  });

  it('answers 401 without a valid token', async () => {
    expect((await api().request('GET', '/me')).status).toBe(401);
    const wrong = await api().request('GET', '/me', { token: 'not-a-token' });
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});

describe('GET /departments', () => {
  const api = useTestApi();

  it('lists every catalog department with the services it owns, in catalog order, and the time zone', async () => {
    const answer = await api().request('GET', '/departments', { token: as.dpwStaff });
    expect(answer.status).toBe(200);
    expect(answer.body.timeZone).toBe(catalogFile.calendar.timeZone);
    expect(answer.body.departments.map((d: { id: string }) => d.id)).toEqual(catalogFile.departments.map((d) => d.code));
    const dpw = answer.body.departments.find((d: { id: string }) => d.id === 'DPW');
    expect(dpw).toEqual({
      id: 'DPW',
      name: 'Public Works',
      mainLineRoutedTo311: false,
      services: catalogFile.services.filter((s) => s.department === 'DPW').map((s) => ({ code: s.code, name: s.name })),
    });
    expect(dpw.services).toContainEqual({ code: 'POTHOLE', name: expect.any(String) });
    expect(answer.body.departments.find((d: { id: string }) => d.id === 'ASSESSING').mainLineRoutedTo311).toBe(true);
    const listed = answer.body.departments.flatMap((d: { services: { code: string }[] }) => d.services.map((s) => s.code));
    expect([...listed].sort()).toEqual(catalogFile.services.map((s) => s.code).sort());
  });

  it("leaves out the departments' phone numbers and e-mail addresses", async () => {
    const { body } = await api().request('GET', '/departments', { token: as.director });
    for (const department of body.departments) expect(Object.keys(department).sort()).toEqual(['id', 'mainLineRoutedTo311', 'name', 'services']);
    expect(JSON.stringify(body)).not.toContain('@harrowfield.example.gov');
  });

  it('answers every authenticated role, and 401 without a token', async () => {
    for (const token of Object.values(as)) expect((await api().request('GET', '/departments', { token })).status).toBe(200);
    expect((await api().request('GET', '/departments')).status).toBe(401);
  });
});
