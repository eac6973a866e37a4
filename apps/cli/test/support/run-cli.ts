import type { CliIo, OutputStream } from '../../src/cli-io';
import { main } from '../../src/main';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects written text, like a non-TTY stream. */
function collector(): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return { write: (text) => chunks.push(text) > 0, text: () => chunks.join('') };
}

/** Runs the CLI's main in-process with captured output, an injected clock and a clean environment. */
export async function runCli(argv: readonly string[], options: { cwd: string; now?: Date; env?: Record<string, string> }): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const io: CliIo = { stdout, stderr, env: options.env ?? {}, cwd: options.cwd, now: () => options.now ?? new Date('2026-03-01T12:00:00Z') };
  const code = await main(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
