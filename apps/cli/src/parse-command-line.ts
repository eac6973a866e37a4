import { parseArgs } from 'node:util';
import type { Command, OptionSpec, ParsedArgs } from './command';
import { UsageError } from './exit-codes';

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };
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

/** Every option a command accepts: its own plus the shared ones. */
export function allOptions(command: Command): Record<string, OptionSpec> {
  return {
    ...command.options,
    ...(command.usesStore ? { store: STORE_OPTION } : {}),
    ...(command.usesCatalog ? { catalog: CATALOG_OPTION } : {}),
    help: HELP_OPTION,
  };
}

/** Parses a command's arguments strictly; unknown options, missing values and wrong counts are UsageErrors. */
export function parseCommandLine(command: Command, args: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(allOptions(command)).map(([name, spec]) => [
      name,
      { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, '.'), command.name);
  }
  const values = parsed.values as ParsedArgs['values'];
  if (values.help) return { values, positionals: parsed.positionals };
  const count = parsed.positionals.length;
  const { min, max } = command.positionals;
  if (count < min) throw new UsageError(`Missing argument: switchboard ${command.name} ${command.arguments}`, command.name);
  if (count > max) throw new UsageError(`Unexpected argument "${parsed.positionals[max]}"`, command.name);
  return { values, positionals: parsed.positionals };
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
