/** Exit codes scripts can rely on (documented in docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The store, a file or the configuration failed; nothing the input rows could fix. */
  failure: 1,
  /** The command line was wrong: unknown command or option, missing or malformed value. */
  usage: 2,
  /** The input data had problems (bad rows or lines); see the messages for file, line and reason. */
  dataErrors: 3,
  /** `audit verify`: the log does not match its hash chain or a signed checkpoint (docs/audit.md). */
  tampered: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake on the command line; the message says what to type instead. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Input data that cannot be used as it is; the message names the file and line. */
export class DataError extends Error {}
