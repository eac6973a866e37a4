import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { as, pothole, startTestApi, type TestApi } from './api-harness';

describe('JWT authentication against a configured key set', () => {
  const issuer = 'https://idp.harrowfield.example.gov';
  const audience = 'switchboard';
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-jwks-'));
  let api: TestApi;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; expiresIn?: string }) => Promise<string>;
  let signWithStrangerKey: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const trusted = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'city-1', alg: 'ES256' };
    const jwksPath = join(dir, 'jwks.json');
    writeFileSync(jwksPath, JSON.stringify({ keys: [jwk] }));
    const build = (claims: Record<string, unknown>, iss: string, expiresIn: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'city-1' }).setIssuer(iss).setAudience(audience).setIssuedAt().setExpirationTime(expiresIn);
    sign = (claims, options = {}) => build(claims, options.issuer ?? issuer, options.expiresIn ?? '5m').sign(trusted.privateKey);
    signWithStrangerKey = (claims) => build(claims, issuer, '5m').sign(stranger.privateKey);
    api = await startTestApi({ jwt: { jwks: jwksPath, issuer, audience } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a valid token and records its subject, role and department as the actor', async () => {
    const operator = await sign({ sub: 'jwt.operator', role: 'operator' });
    const staff = await sign({ sub: 'jwt.staff', role: 'staff', department: 'DPW' });
    const { body } = await api.command('/tickets', operator, pothole);
    await api.command(`/tickets/${body.ticketId}/assign`, operator, { department: 'DPW' });
    await api.command(`/tickets/${body.ticketId}/start`, staff, {});
    const history = await api.request('GET', `/tickets/${body.ticketId}/history`, { token: operator });
    expect(history.body.events[2].actor).toEqual({ id: 'jwt.staff', role: 'staff', department: 'DPW' });
  });

  it('answers GET /me from the claims: the name claim, else the subject', async () => {
    const named = await sign({ sub: 'jwt.head', role: 'department_head', department: 'DPW', name: 'Jo Head' });
    expect((await api.request('GET', '/me', { token: named })).body).toEqual({
      id: 'jwt.head',
      name: 'Jo Head',
      role: 'department_head',
      department: 'DPW',
      may: {
        readQueuesOf: ['DPW'],
        claimFromQueuesOf: ['DPW'],
        completionMetricsBy: ['department', 'service'],
        escalations: true,
        contactMetrics: true,
        staffApi: true,
        phoneLinesOf: ['DPW'],
        phoneCoverageReports: true,
        intakeQueue: false,
        residentLookUp: false,
      },
      now: api.clock.now().toISOString(),
    });
    const unnamed = await sign({ sub: 'jwt.director', role: 'director' });
    expect((await api.request('GET', '/me', { token: unnamed })).body).toMatchObject({ id: 'jwt.director', name: 'jwt.director', department: null });
  });

  it.each([
    ['a foreign key', () => signWithStrangerKey({ sub: 'x', role: 'operator' })],
    ['another issuer', () => sign({ sub: 'x', role: 'operator' }, { issuer: 'https://evil.example' })],
    ['an expired token', () => sign({ sub: 'x', role: 'operator' }, { expiresIn: '-1m' })],
    ['an unknown role', () => sign({ sub: 'x', role: 'mayor' })],
  ])('answers 401 for %s', async (_, token) => {
    expect((await api.request('POST', '/tickets', { token: await token(), body: pothole })).status).toBe(401);
  });

  it("still accepts the users file's tokens", async () => {
    expect((await api.request('POST', '/tickets', { token: as.operator, body: pothole })).status).toBe(201);
  });
});
