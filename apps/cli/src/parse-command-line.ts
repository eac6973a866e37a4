import { Command as Commander, CommanderError, type Option } from 'commander';
import type { CliIo } from './cli-io';
import type { Command, OptionSpec, ParsedArgs } from './command';
import { EXIT, type ExitCode, UsageError } from './exit-codes';
import { describeProgram, describeCommand } from './help';

const STORE_OPTION: OptionSpec = {
  type: 'string',
  value: '<url>',
  description: 'event store URL (default: $SWITCHBOARD_EVENT_STORE or sqlite:./data/switchboard.db)',
};
const CATALOG_OPTION: OptionSpec = {
  type: 'string',
  value: '<file>',
  description: 'service catalog file (default: $SWITCHBOARD_CATALOG or libs/ticketing/config/demo-catalog.json)',
};

/** What the command line asks for: a command with its arguments, or help, already written, with its exit code. */
export type CommandLine = { readonly command: Command; readonly args: ParsedArgs } | { readonly helpShown: ExitCode };

/** Every option a command accepts: its own plus the shared ones (commander adds `--help`). */
function allOptions(command: Command): Record<string, OptionSpec> {
  return {
    ...command.options,
    ...(command.usesStore ? { store: STORE_OPTION } : {}),
    ...(command.usesCatalog ? { catalog: CATALOG_OPTION } : {}),
  };
}

/**
 * Parses `switchboard <argv…>` with commander: a subcommand per word of each command's name
 * (`audit` → `ticket`), with the options and arguments the command declares. Help is written to
 * the io's streams; a wrong command line throws a UsageError naming the command and what is wrong.
 */
export function parseCommandLine(commands: readonly Command[], argv: readonly string[], io: CliIo): CommandLine {
  let chosen: CommandLine | undefined;
  const program = refusingAsUsageErrors(describeProgram(new Commander('switchboard'), io), undefined);
  for (const command of commands) {
    const words = command.name.split(' ');
    const group = words.slice(0, -1).reduce((parent, word, i) => subcommand(parent, word, words.slice(0, i + 1).join(' ')), program);
    const leaf = describeCommand(subcommand(group, words[words.length - 1], command.name), command);
    if (command.arguments) leaf.arguments(command.arguments);
    const options = Object.entries(allOptions(command)).map(([name, spec]): [string, Option] => [name, leaf.createOption(flags(name, spec), spec.description)]);
    for (const [, option] of options) leaf.addOption(option);
    leaf.action(() => {
      const values = Object.fromEntries(options.map(([name, option]) => [name, leaf.getOptionValue(option.attributeName())]));
      chosen = { command, args: { values, positionals: [...leaf.args] } };
    });
  }
  // The overview lists the runnable commands (`audit ticket`), not the program's own subcommands
  // (`audit`), so its list would suggest words that are no command at this level.
  program.showSuggestionAfterError(false);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { helpShown: error.exitCode === 0 ? EXIT.ok : EXIT.usage };
    throw error;
  }
  if (!chosen) throw new Error('the command line chose no command');
  return chosen;
}

/** The subcommand `word` of `parent`, created (inheriting output and help settings) when it is new. */
function subcommand(parent: Commander, word: string, name: string): Commander {
  return parent.commands.find((existing) => existing.name() === word) ?? refusingAsUsageErrors(parent.command(word), name);
}

const flags = (name: string, spec: OptionSpec): string => (spec.type === 'string' ? `--${name} ${spec.value ?? '<value>'}` : `--${name}`);

/**
 * Commander ends the process on help and on errors; here help ends parsing (a CommanderError the
 * caller reads the exit code of) and every error becomes a UsageError of the command it was found in.
 */
function refusingAsUsageErrors(command: Commander, name: string | undefined): Commander {
  return command.exitOverride((error) => {
    if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') throw error;
    throw new UsageError(sentence(error.message), name);
  });
}

/** Commander's `error: unknown option '--x'\n(Did you mean --y?)` as `Unknown option '--x' (did you mean --y?).` */
function sentence(message: string): string {
  const text = message.replace(/^error: /, '').replace(/\n\(Did you mean/, ' (did you mean');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/** A string option's value, or undefined. */
export const stringOption = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};

/** A string option that must be given. */
export function requiredOption(args: ParsedArgs, name: string, command: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') throw new UsageError(`Option --${name} is required.`, command);
  return value;
}

/** A string option restricted to a closed set of choices. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T, command: string): T {
  const value = stringOption(args, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got "${value}".`, command);
  }
  return value as T;
}
