import { type CliIo, say } from './cli-io';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { DataError, EXIT, type ExitCode, UsageError } from './exit-codes';
import { commandHelp, generalHelp } from './help';
import { parseCommandLine } from './parse-command-line';

/** Finds the command the leading words name (`audit ticket …`, `rebuild …`). */
function findCommand(argv: readonly string[]): { command: Command; rest: readonly string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

/** Runs `switchboard <argv…>` and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.stderr : io.stdout).write(generalHelp(COMMANDS));
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    say(io, `switchboard: unknown command "${argv.filter((word) => !word.startsWith('-')).slice(0, 2).join(' ')}".`);
    say(io, 'Run `switchboard --help` for the list of commands.');
    return EXIT.usage;
  }
  const { command, rest } = found;
  try {
    const args = parseCommandLine(command, rest);
    if (args.values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportFailure(error, command, io);
  }
}

/** Maps an error to its exit code, with a message that says what to do (no stack traces). */
function reportFailure(error: unknown, command: Command, io: CliIo): ExitCode {
  if (error instanceof UsageError) {
    say(io, `switchboard ${command.name}: ${error.message}`);
    say(io, `Run \`switchboard ${command.name} --help\` for usage.`);
    return EXIT.usage;
  }
  if (error instanceof DataError) {
    say(io, `switchboard ${command.name}: ${error.message}`);
    return EXIT.dataErrors;
  }
  say(io, `switchboard ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
  if (io.env.SWITCHBOARD_DEBUG && error instanceof Error) say(io, error.stack ?? '');
  return EXIT.failure;
}
