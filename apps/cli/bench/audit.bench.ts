// `audit verify` over an export file: events per second, against a raw read of the same file
// (its lines read, by the same line splitter, and parsed as JSON, nothing checked) in the same run,
// on one thread and with the hashing across worker threads (what `switchboard audit verify --file` does). Both verifiers run
// from the CLI's build (built first when stale), as `switchboard` runs them: worker threads started from TypeScript sources
// would compile them anew in every thread (about 1.5 s each here). Not a test: it prints.
//   BENCH_EVENTS   events in the export (default 200000), over tickets of 8 events each
//   BENCH_WORKERS  worker threads (default: the cores, at least 2)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import {
  InMemoryEventStore,
  type verifyChain as VerifyChain,
  type verifyFileInParallel as VerifyFileInParallel,
  type VerifyReport,
} from '@switchboard/event-store';
import { fileLineBatches, type exportFileEvents as ExportFileEvents } from '../src/audit/chain/export-file-events';
import { builtCli } from '../scripts/built-cli';
import { toBackupLine } from '../src/events-backup/backup-line';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? Math.max(2, availableParallelism()));

/** The verifiers as the CLI's build has them. */
function built() {
  const cli = builtCli();
  const reader = join(cli, 'audit/chain/export-file-events.js');
  const chain = join(cli, '../../../libs/event-store/src/chain');
  return {
    reader,
    exportFileEvents: (require(reader) as { exportFileEvents: typeof ExportFileEvents }).exportFileEvents,
    verifyChain: (require(join(chain, 'verify-chain.js')) as { verifyChain: typeof VerifyChain }).verifyChain,
    verifyFileInParallel: (require(join(chain, 'parallel-verify.js')) as { verifyFileInParallel: typeof VerifyFileInParallel }).verifyFileInParallel,
  };
}

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
    const start = performance.now();
    let raw = 0;
    for await (const batch of fileLineBatches(file)) for (const { text } of batch) if (JSON.parse(text)) raw++;
    const rawSeconds = (performance.now() - start) / 1000;
    const timed = async (verify: () => Promise<VerifyReport>): Promise<number> => {
      const began = performance.now();
      const report = await verify();
      if (!report.intact || report.eventsVerified !== raw) throw new Error(`verify did not pass: ${JSON.stringify(report.firstMismatch)}`);
      return (performance.now() - began) / 1000;
    };
    const { reader, exportFileEvents, verifyChain, verifyFileInParallel } = built();
    const oneThread = () => verifyChain(exportFileEvents(file));
    const oneSeconds = await timed(oneThread);
    // The one-thread verifier is not needed for an intact file: a fallback would be a fault of the parallel pass.
    const parallelSeconds = await timed(() =>
      verifyFileInParallel(file, { reader, workers: WORKERS }, () => Promise.reject(new Error('the parallel pass fell back'))),
    );
    const perSecond = (seconds: number): string => `${Math.round(raw / seconds).toLocaleString('en-US')} events/s  (${seconds.toFixed(2)} s)`;
    console.log(`audit verify benchmark — ${new Date().toISOString()}, node ${process.version}, ${raw} events, load average ${loadavg()[0].toFixed(1)}`);
    console.log(`  raw read (lines + JSON.parse)      ${perSecond(rawSeconds)}`);
    console.log(`  audit verify, one thread           ${perSecond(oneSeconds)}`);
    console.log(`  audit verify, ${WORKERS} worker threads     ${perSecond(parallelSeconds)}  (goal >= 100,000)`);
    console.log(`  verify / raw read                  ${(rawSeconds / parallelSeconds).toFixed(2)} (one thread ${(rawSeconds / oneSeconds).toFixed(2)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
