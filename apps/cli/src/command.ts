import type { CliIo } from './cli-io';
import type { ExitCode } from './exit-codes';

/** One option of a command, described once for both parsing and help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** Placeholder of a string option's value, e.g. `<time>`. */
  readonly value?: string;
}

/** What a command receives after parsing. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** A `switchboard` command: its words, help and behaviour. */
export interface Command {
  /** The words that select it, e.g. `audit ticket`. */
  readonly name: string;
  readonly summary: string;
  /** Positional arguments in commander's syntax: `<id>` required, `[name]` optional, `[name...]` any number. */
  readonly arguments: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Whether it opens the event store and so takes `--store`. */
  readonly usesStore: boolean;
  /** Whether it reads the service catalog and so takes `--catalog`. */
  readonly usesCatalog: boolean;
  readonly examples: readonly string[];
  run(args: ParsedArgs, io: CliIo): Promise<ExitCode>;
}
