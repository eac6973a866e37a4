/** Where output goes: enough of a Node stream to honour backpressure, and trivial to fake in tests. */
export interface OutputStream {
  write(text: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
  /** A terminal's width, for help. */
  readonly columns?: number;
}

/** Everything the CLI reads from or writes to its surroundings, injected so tests run in-process. */
export interface CliIo {
  /** Data: exports, reports, audit tables. */
  readonly stdout: OutputStream;
  /** Messages: progress, summaries, errors. */
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (files, `sqlite:` URLs) resolve against this folder. */
  readonly cwd: string;
  now(): Date;
}

/** The real process's streams, environment and clock. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date() };
}

/** Writes text, waiting for the stream to drain when its buffer is full (so a large export keeps memory flat). */
export async function writeOut(stream: OutputStream, text: string): Promise<void> {
  if (stream.write(text) || !stream.once) return;
  await new Promise<void>((resolve) => stream.once?.('drain', resolve));
}

/** Writes one line to stderr. */
export function say(io: CliIo, line: string): void {
  io.stderr.write(`${line}\n`);
}
