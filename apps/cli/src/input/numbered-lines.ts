import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One line of a text file with its 1-based number. */
export interface NumberedLine {
  readonly number: number;
  readonly text: string;
}

/** Streams a file's non-blank lines (LF or CRLF) with their line numbers, never holding the whole file. */
export async function* numberedLines(file: string): AsyncGenerator<NumberedLine> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() !== '') yield { number, text };
  }
}
