import { namespacesUnavailable } from './hosts/network';
import { removeLeftovers, runHostsSoak } from './hosts/hosts-soak-run';

const unavailable = namespacesUnavailable();
if (unavailable) console.warn(`multi-host soak skipped: this machine cannot create network namespaces (${unavailable}); it needs root and iproute2`);
const describeWithHosts = unavailable ? describe.skip : describe;

describeWithHosts('the production shape across hosts (network namespaces): PostgreSQL log and read models, two APIs, a projector and its standby', () => {
  // The run removes all it made itself; this is for a run cut short by the test's timeout.
  afterAll(() => removeLeftovers((pid) => pid === process.pid));

  it('loses and duplicates nothing, and its read models equal a rebuild, through a projector SIGKILL and an API instance cut off from the database', async () => {
    const log: string[] = [];
    const result = await runHostsSoak({
      loadSeconds: 30,
      users: 6,
      feeds: 1,
      killAt: 3,
      cutAt: 5,
      cutFor: 8,
      restartKilled: true,
      memoryChecks: false,
      log: (line) => log.push(line),
    });
    const failed = result.checks.filter((check) => !check.passed);
    expect({ failed, log: failed.length ? log : [] }).toEqual({ failed: [], log: [] });
    expect(result.figures.acknowledged).toBeGreaterThan(100);
  }, 85_000);
});
