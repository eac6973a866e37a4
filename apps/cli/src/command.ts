import type { CliIo } from './cli-io';
import type { ExitCode } from './exit-codes';

/** One option of a command, described once for both parsing and help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** Placeholder shown in help, e.g. `<time>`. */
  readonly value?: string;
  readonly short?: string;
  readonly multiple?: boolean;
}

/** What a command receives after parsing. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** A `switchboard` command: its words, help and behaviour. */
export interface Command {
  /** The words that select it, e.g. `audit ticket`. */
  readonly name: string;
  readonly summary: string;
  /** Positional arguments as shown in the usage line, e.g. `<id>` or `[projection…]`. */
  readonly arguments: string;
  /** How many positionals are allowed. */
  readonly positionals: { readonly min: number; readonly max: number };
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Whether it opens the event store and so takes `--store`. */
  readonly usesStore: boolean;
  /** Whether it reads the service catalog and so takes `--catalog`. */
  readonly usesCatalog: boolean;
  readonly examples: readonly string[];
  run(args: ParsedArgs, io: CliIo): Promise<ExitCode>;
}
