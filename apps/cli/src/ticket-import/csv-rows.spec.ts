import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../../test/support/temp-dir';
import { csvRecords, csvRows } from './csv-rows';

describe('CSV records', () => {
  const dir = useTempDir();
  async function records(text: string): Promise<string[]> {
    const file = join(dir(), 'cases.csv');
    writeFileSync(file, text);
    const found: string[] = [];
    for await (const record of csvRecords(file, 'cases.csv')) found.push(`${record.line}: ${record.fields.join('|')}`);
    return found;
  }

  it('numbers each record by the line it begins on, whatever the line ends inside and between fields', async () => {
    const text = '\uFEFFid,note\r\n\r\n1,"two\r\nlines"\r\n\r\n2,"and\nthree\r\nlines"\n3,plain\r\n""\r\n4,last';
    expect(await records(text)).toEqual(['1: id|note', '3: 1|two\r\nlines', '6: 2|and\nthree\r\nlines', '9: 3|plain', '10: ', '11: 4|last']);
  });

  it('keeps a quote inside an unquoted field, and "" inside a quoted one, as the text they stand for', async () => {
    expect(await records('id,title\n1,Pothole 12" wide\n2,"Sign ""STOP"", bent"\n')).toEqual([
      '1: id|title',
      '2: 1|Pothole 12" wide',
      '3: 2|Sign "STOP", bent',
    ]);
  });

  it('names the line of the record whose quoted field is never closed', async () => {
    await expect(records('id,note\r\n1,"a\r\nb"\r\n\r\n2,"open\r\n3,x\r\n')).rejects.toThrow('cases.csv:5: a quoted field is never closed (missing ")');
  });

  it('gives rows by column name, and a problem for a row with the wrong number of fields', async () => {
    const file = join(dir(), 'rows.csv');
    writeFileSync(file, 'id, note \n1,a\n2\n');
    const rows = [];
    for await (const row of csvRows(file, 'rows.csv')) rows.push(row);
    expect(rows).toEqual([
      { line: 2, values: { id: '1', note: 'a' } },
      { line: 3, values: { id: '2', note: '' }, problem: 'has 1 fields where the header has 2' },
    ]);
  });
});
