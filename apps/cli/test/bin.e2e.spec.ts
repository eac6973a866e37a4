import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { useTempDir } from './support/temp-dir';

const BIN = join(__dirname, '../bin/switchboard.js');

/** The one test that runs the real executable: the rest call main() in-process. */
describe('the switchboard executable', () => {
  const dir = useTempDir();

  it('prints help, runs a command against the store named in SWITCHBOARD_EVENT_STORE, and exits with the documented codes', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', cwd: dir() });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: switchboard <command>');

    const env = { ...process.env, SWITCHBOARD_EVENT_STORE: 'sqlite:./events.db' };
    const exported = spawnSync(process.execPath, [BIN, 'export', 'events'], { encoding: 'utf8', cwd: dir(), env });
    expect(exported.stderr).toContain('0 events written');
    expect(exported.status).toBe(0);

    const misuse = spawnSync(process.execPath, [BIN, 'export', 'events', '--nope'], { encoding: 'utf8', cwd: dir() });
    expect(misuse.status).toBe(2);
    expect(misuse.stderr).toContain("Unknown option '--nope'");
  });
});
