import { runCli } from '../test/support/run-cli';
import { useTempDir } from '../test/support/temp-dir';

describe('the command line', () => {
  const dir = useTempDir();
  const run = (...argv: string[]) => runCli(argv, { cwd: dir() });

  it('lists every command by its full name with its summary and the exit codes, on stdout for --help and on stderr with exit 2 for nothing', async () => {
    const help = await run('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: switchboard <command> \[options\]\n/);
    for (const name of [
      'report completion',
      'rebuild',
      'audit ticket',
      'audit actor',
      'audit escalations',
      'export events',
      'import events',
      'import tickets',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}  `, 'm'));
    }
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad input data');
    expect(await run('-h')).toEqual(help);
    expect(await run('help')).toEqual(help);
    expect(await run()).toEqual({ code: 2, stdout: '', stderr: help.stdout });
  });

  it("gives a command's usage, options with their descriptions, and examples", async () => {
    const help = await run('import', 'tickets', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: switchboard import tickets \[options\] <file\.csv\|file\.json>\n/);
    expect(help.stdout).toMatch(/^ {2}--mapping <mapping\.json> +which column is which/m);
    expect(help.stdout).toMatch(/^ {2}--store <url> +event store URL/m);
    expect(help.stdout).toMatch(/^ {2}-h, --help +show this help/m);
    expect(help.stdout).toContain('Examples:\n  switchboard import tickets boston311.csv --mapping apps/cli/mappings/boston311.json\n');
    expect((await run('help', 'audit')).stdout).toMatch(/^ {2}audit escalations +Every escalation/m);
  });

  it.each([
    [['export', 'events', '--nope'], "switchboard export events: Unknown option '--nope'."],
    [['report', 'completion', '--form', '2026-01-01'], "switchboard report completion: Unknown option '--form' (did you mean --from?)."],
    [['audit', 'actor', 'op-ana', '--from'], "switchboard audit actor: Option '--from <time>' argument missing."],
    [['import', 'tickets', '--mapping', 'm.json'], "switchboard import tickets: Missing required argument 'file.csv|file.json'."],
    [['import', 'events', 'a.ndjson', 'b.ndjson'], 'switchboard import events: Too many arguments for'],
    [['rebuild', 'tickets', 'tickets'], 'switchboard rebuild: projection "tickets" is named twice.'],
    [['audit', 'tickets', 'AAA-0001'], "switchboard audit: Unknown command 'tickets' (did you mean ticket?)."],
    [['reports'], "switchboard: Unknown command 'reports'."],
  ])('refuses %j with exit 2, naming what is wrong and where to read more', async (argv, message) => {
    const refused = await run(...argv);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain(message);
    expect(refused.stderr).toMatch(/\nRun `switchboard [a-z ]*--help` for (usage|the list of commands)\.\n$/);
  });

  it('shows a group of commands (audit, import, …) named alone on stderr, with exit 2', async () => {
    const group = await run('audit');
    expect(group).toMatchObject({ code: 2, stdout: '' });
    expect(group.stderr).toMatch(/^ {2}audit ticket +A ticket's full history/m);
  });
});
