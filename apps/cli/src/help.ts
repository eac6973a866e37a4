import type { Command } from './command';
import { EXIT } from './exit-codes';
import { allOptions } from './parse-command-line';

/** The help of one command: usage line, options and examples. */
export function commandHelp(command: Command): string {
  const options = Object.entries(allOptions(command)).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, spec.description + (spec.multiple ? ' (repeatable)' : '')] as const;
  });
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    `Usage: switchboard ${command.name}${command.arguments ? ` ${command.arguments}` : ''} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}

/** The overview: every command with its summary, and the exit codes. */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: switchboard <command> [options]',
    '',
    'Replay, reports, audit, import and export for Switchboard.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `switchboard <command> --help` for a command\'s options and examples.',
    '',
    `Exit codes: ${EXIT.ok} ok, ${EXIT.failure} runtime failure, ${EXIT.usage} usage error, ${EXIT.dataErrors} bad input data (rows or lines).`,
    'Data goes to stdout, messages to stderr.',
    '',
  ].join('\n');
}
