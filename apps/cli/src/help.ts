import type { Command as Commander } from 'commander';
import type { CliIo, OutputStream } from './cli-io';
import type { Command } from './command';
import { EXIT } from './exit-codes';

const GENERAL_NOTES = [
  '',
  "Run `switchboard <command> --help` for a command's options and examples.",
  '',
  `Exit codes: ${EXIT.ok} ok, ${EXIT.failure} runtime failure, ${EXIT.usage} usage error, ${EXIT.dataErrors} bad input data (rows or lines), ${EXIT.tampered} audit verify: the log was changed.`,
  'Data goes to stdout, messages to stderr.',
].join('\n');

/** The commands under `command` that run something (`audit ticket`, not `audit`), in the order they were added. */
const runnable = (command: Commander): Commander[] => command.commands.flatMap((sub) => (sub.commands.length > 0 ? runnable(sub) : [sub]));

/** A subcommand's full name below the program, e.g. `audit ticket`. */
function fullName(command: Commander): string {
  const names: string[] = [];
  for (let at: Commander | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** Help wraps at the terminal's width, and at 80 columns in a file or pipe. */
const width = (stream: OutputStream): number => (stream.isTTY && stream.columns) || 80;

/**
 * The program's help and output: help and usage on the io's streams (errors are reported by the
 * caller), and an overview that lists every runnable command by its full name with its summary.
 */
export function describeProgram(program: Commander, io: CliIo): Commander {
  return program
    .usage('<command> [options]')
    .description('Replay, reports, audit, import and export for Switchboard.')
    .helpOption('-h, --help', 'show this help')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
      getOutHelpWidth: () => width(io.stdout),
      getErrHelpWidth: () => width(io.stderr),
    })
    .configureHelp({ visibleCommands: runnable, subcommandTerm: fullName })
    .addHelpText('after', GENERAL_NOTES);
}

/** A command's summary and examples in its help (commander lists its usage, arguments and options). */
export function describeCommand(leaf: Commander, command: Command): Commander {
  return leaf.description(command.summary).addHelpText('after', ['', 'Examples:', ...command.examples.map((example) => `  ${example}`)].join('\n'));
}
