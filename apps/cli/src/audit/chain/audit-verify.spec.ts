import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { runCli } from '../../../test/support/run-cli';
import { writeSampleTickets } from '../../../test/support/sample-tickets';
import { useTempDir } from '../../../test/support/temp-dir';

describe('switchboard audit verify', () => {
  const dir = useTempDir();
  const run = (...argv: string[]) => runCli(argv, { cwd: dir() });
  let lines: string[];

  beforeEach(async () => {
    const store = SqliteEventStore.open(join(dir(), 'switchboard.db'));
    await writeSampleTickets(store);
    await store.close();
    const checkpoint = await run('audit', 'checkpoint', '--store', 'sqlite:switchboard.db');
    expect(checkpoint).toMatchObject({ code: 0 });
    expect(checkpoint.stderr).toContain('generated the signing key');
    const exported = await run('export', 'events', '--store', 'sqlite:switchboard.db');
    writeFileSync(join(dir(), 'export.ndjson'), exported.stdout);
    writeFileSync(join(dir(), 'checkpoints.ndjson'), (await run('audit', 'checkpoints', '--store', 'sqlite:switchboard.db')).stdout);
    writeFileSync(join(dir(), 'public.pem'), (await run('audit', 'public-key', '--store', 'sqlite:switchboard.db')).stdout);
    lines = readFileSync(join(dir(), 'export.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(6);
  });

  const verifyFile = (file: string) => run('audit', 'verify', '--file', file, '--checkpoints', 'checkpoints.ndjson', '--public-key', 'public.pem');
  const tampered = (edit: (lines: string[]) => string[]): string => {
    writeFileSync(join(dir(), 'tampered.ndjson'), `${edit([...lines]).join('\n')}\n`);
    return 'tampered.ndjson';
  };

  it('given an untouched store and its export, when each is verified, then both are intact and the checkpoint holds (exit 0)', async () => {
    const live = await run('audit', 'verify', '--store', 'sqlite:switchboard.db');
    expect(live).toMatchObject({ code: 0 });
    expect(live.stdout).toContain(`intact: ${lines.length} events of the store match their hash chain.`);
    expect(live.stdout).toMatch(/checkpoint at \d+ events .*: holds/);
    const file = await verifyFile('export.ndjson');
    expect(file).toMatchObject({ code: 0 });
    expect(file.stdout).toContain(`intact: ${lines.length} events of export.ndjson`);
    expect(file.stdout).toContain(`last checkpoint that holds: ${lines.length} events`);
  });

  it('given one byte of an exported event changed, when the file is verified, then that event and its line are named as changed (exit 4)', async () => {
    const result = await verifyFile(
      tampered((l) => ((l[3] = l[3].replace('"revision":', '"revision": ')), (l[3] = l[3].replace(/"type":"(\w)/, '"type":"X')), l)),
    );
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^NOT INTACT: changed — event .* line 4\)/m);
    expect(result.stdout).toContain('no checkpoint holds.');
  });

  it('given one exported event deleted, when the file is verified, then the event after it is named as following a removed one', async () => {
    const result = await verifyFile(tampered((l) => (l.splice(2, 1), l)));
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^NOT INTACT: removed — .*line 3/m);
  });

  it('given an event inserted into the export, when the file is verified, then the inserted line is named', async () => {
    const copy = JSON.parse(lines[1]);
    const inserted = JSON.stringify({ ...copy, id: '00000000-0000-4000-8000-000000000999', stream: 'ticket-forged', revision: 0 });
    const result = await verifyFile(tampered((l) => (l.splice(3, 0, inserted), l)));
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^NOT INTACT: inserted — event 00000000-0000-4000-8000-000000000999 .*line 4\)/m);
  });

  it('given two exported events swapped, when the file is verified, then both are named as reordered', async () => {
    const result = await verifyFile(
      tampered((l) => {
        [l[4], l[5]] = [l[5], l[4]];
        return l;
      }),
    );
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^NOT INTACT: reordered — event .*line 5\) and event .*line 6\) were swapped/m);
  });

  it('given an exported line spelt otherwise (spaces, an escaped letter) with the same values, when the file is verified, then it is intact', async () => {
    const respelt = (line: string) =>
      JSON.stringify(JSON.parse(line), null, 1)
        .replace(/\n/g, ' ')
        .replace(/"type": "(\w)/, (_, letter: string) => `"type": "\\u00${letter.charCodeAt(0).toString(16)}`);
    const file = tampered((l) => ((l[2] = respelt(l[2])), l));
    expect(readFileSync(join(dir(), file), 'utf8')).toContain('"type": "\\u00');
    const result = await verifyFile(file);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`intact: ${lines.length} events of tampered.ndjson`);
  });

  it('given a second "data" appended to an exported line (JSON.parse keeps the last), when the file is verified, then that line is named as changed', async () => {
    const result = await verifyFile(tampered((l) => ((l[2] = l[2].replace(/}$/, ',"data":{"forged":true}}')), l)));
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^NOT INTACT: changed — event .* line 3\)/m);
  });

  it("given a key slipped in between an exported line's data and metadata, when the file is verified, then the event is named as the whole line reads it", async () => {
    const result = await verifyFile(tampered((l) => ((l[2] = l[2].replace(',"metadata":{', ',"stream":"ticket-forged","x":{},"metadata":{')), l)));
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^NOT INTACT: \w+ — event .*\(ticket-forged revision .* line 3\)/m);
  });

  it('given the checkpoint and no public key, when the export is verified, then the chain is checked and the checkpoints are said not to be', async () => {
    const result = await run('audit', 'verify', '--file', 'export.ndjson', '--checkpoints', 'checkpoints.ndjson', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no public key: checkpoints were not checked');
    expect(JSON.parse(result.stdout)).toMatchObject({ intact: true, checkpoints: [{ status: 'not-checked' }] });
  });
});
