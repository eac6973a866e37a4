import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { builtCli } from '../scripts/built-cli';
import { useTempDir } from './support/temp-dir';

const BIN = join(__dirname, '../bin/switchboard.js');
/** A build of the CLI and its libraries on a loaded 2-core machine, when the sources are newer than the build. */
const BUILD_TIMEOUT_MS = 300_000;

/** The one test that runs the real executable (from the build): the rest call main() in-process. */
describe('the switchboard executable', () => {
  const dir = useTempDir();
  beforeAll(() => builtCli(), BUILD_TIMEOUT_MS);

  it('prints help, runs a command against the store named in SWITCHBOARD_EVENT_STORE, and exits with the documented codes', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', cwd: dir() });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: switchboard <command>');
    expect(help.stderr).toBe('');

    const env = { ...process.env, SWITCHBOARD_EVENT_STORE: 'sqlite:./events.db' };
    const exported = spawnSync(process.execPath, [BIN, 'export', 'events'], { encoding: 'utf8', cwd: dir(), env });
    expect(exported.stderr).toContain('0 events written');
    expect(exported.status).toBe(0);

    const misuse = spawnSync(process.execPath, [BIN, 'export', 'events', '--nope'], { encoding: 'utf8', cwd: dir() });
    expect(misuse.status).toBe(2);
    expect(misuse.stderr).toContain("Unknown option '--nope'");
  });

  it("reads the repository's demo catalog by default, from the build as from the sources", () => {
    const env = { ...process.env, SWITCHBOARD_EVENT_STORE: 'sqlite:./events.db' };
    const audited = spawnSync(process.execPath, [BIN, 'audit', 'escalations'], { encoding: 'utf8', cwd: dir(), env });
    expect(audited).toMatchObject({ status: 0, stderr: 'audit escalations: 0 escalations.\n' });
  });
});
