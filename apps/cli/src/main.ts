import { type CliIo, say } from './cli-io';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { DataError, EXIT, type ExitCode, UsageError } from './exit-codes';
import { parseCommandLine } from './parse-command-line';

/** Runs `switchboard <argv…>` and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let command: Command | undefined;
  try {
    const line = parseCommandLine(COMMANDS, argv, io);
    if ('helpShown' in line) return line.helpShown;
    command = line.command;
    return await command.run(line.args, io);
  } catch (error) {
    return reportFailure(error, command?.name, io);
  }
}

/** Maps an error to its exit code, with a message that says what to do (no stack traces). */
function reportFailure(error: unknown, running: string | undefined, io: CliIo): ExitCode {
  if (error instanceof UsageError) {
    const name = error.command ?? running;
    say(io, `${name ? `switchboard ${name}` : 'switchboard'}: ${error.message}`);
    say(io, name ? `Run \`switchboard ${name} --help\` for usage.` : 'Run `switchboard --help` for the list of commands.');
    return EXIT.usage;
  }
  if (error instanceof DataError) {
    say(io, `switchboard ${running}: ${error.message}`);
    return EXIT.dataErrors;
  }
  say(io, `switchboard ${running}: ${error instanceof Error ? error.message : String(error)}`);
  if (io.env.SWITCHBOARD_DEBUG && error instanceof Error) say(io, error.stack ?? '');
  return EXIT.failure;
}
