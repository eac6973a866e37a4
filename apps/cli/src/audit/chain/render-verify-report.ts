import type { VerifyReport } from '@switchboard/event-store';

/** The report of `audit verify` in words. */
export function renderVerifyReport(report: VerifyReport, source: string): string {
  const lines: string[] = [];
  if (report.intact) lines.push(`intact: ${report.eventsVerified} events of ${source} match their hash chain.`);
  else {
    const mismatch = report.firstMismatch;
    lines.push(`NOT INTACT: ${mismatch?.kind} — ${mismatch?.detail}.`);
    lines.push(`${report.eventsVerified} events before it match their hash chain.`);
  }
  for (const { checkpoint, status, detail } of report.checkpoints) {
    lines.push(
      `checkpoint at ${checkpoint.body.events} events (position ${checkpoint.body.position}, signed ${checkpoint.body.signedAt}): ${status} — ${detail}`,
    );
  }
  const last = report.lastHolding;
  lines.push(
    last
      ? `last checkpoint that holds: ${last.body.events} events, position ${last.body.position}, log hash ${last.body.logHash}, signed ${last.body.signedAt}.`
      : report.checkpoints.length === 0
        ? 'no checkpoints were given.'
        : 'no checkpoint holds.',
  );
  return `${lines.join('\n')}\n`;
}
