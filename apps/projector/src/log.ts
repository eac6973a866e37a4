/** One JSON line on stdout per record, like the API's logs. */
export function log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
  const line = { time: new Date().toISOString(), level, context: 'projector', message, ...fields };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** An error as a log field: its message and stack, never a bare object. */
export const errorField = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));
