// `audit verify` over an export file: events per second, against a raw read of the same file
// (its lines read, by the same line splitter, and parsed as JSON, nothing checked) in the same run. Not a test: it prints.
//   BENCH_EVENTS   events in the export (default 200000), over tickets of 8 events each
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore, verifyChain } from '@switchboard/event-store';
import { exportFileEvents, fileLineBatches } from '../src/audit/chain/export-file-events';
import { toBackupLine } from '../src/events-backup/backup-line';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);

async function writeExport(file: string): Promise<void> {
  const store = new InMemoryEventStore();
  for (let i = 0; i < EVENTS; i++) {
    const ticket = Math.floor(i / 8);
    await store.append(`ticket-${ticket}`, 'any', [
      {
        id: randomUUID(),
        type: i % 8 === 0 ? 'TicketOpened' : 'TicketCommented',
        data: { ticketId: String(ticket), serviceCode: 'POTHOLE', description: 'Deep pothole on Elm St, near the school', attributes: { SIZE: 'large' } },
        metadata: { commandId: randomUUID(), actor: { id: 'op-ana', role: 'operator' }, occurredAt: new Date().toISOString(), schemaVersion: 2 },
      },
    ]);
  }
  const lines: string[] = [];
  for await (const event of store.readChained()) lines.push(toBackupLine(event));
  writeFileSync(file, lines.join(''));
  await store.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-audit-bench-'));
  try {
    const file = join(dir, 'export.ndjson');
    await writeExport(file);
    let start = performance.now();
    let raw = 0;
    for await (const batch of fileLineBatches(file)) for (const { text } of batch) if (JSON.parse(text)) raw++;
    const rawSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const report = await verifyChain(exportFileEvents(file));
    const verifySeconds = (performance.now() - start) / 1000;
    if (!report.intact || report.eventsVerified !== raw) throw new Error(`verify did not pass: ${JSON.stringify(report.firstMismatch)}`);
    console.log(`audit verify benchmark — ${new Date().toISOString()}, node ${process.version}, ${raw} events`);
    console.log(`  raw read (lines + JSON.parse)   ${Math.round(raw / rawSeconds).toLocaleString('en-US')} events/s  (${rawSeconds.toFixed(2)} s)`);
    console.log(
      `  audit verify (whole chain)      ${Math.round(raw / verifySeconds).toLocaleString('en-US')} events/s  (${verifySeconds.toFixed(2)} s)  (goal >= 100,000)`,
    );
    console.log(`  verify / raw read               ${(rawSeconds / verifySeconds).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
