/** Parsed JSON text, or where (1-based line and column) and why it is not JSON. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** Parses JSON text; on a syntax error, says where it is, since V8's messages do not always give a position. */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const syntaxError = findSyntaxError(text) ?? { offset: 0, message: (error as Error).message };
    return { ok: false, ...lineAndColumn(text, syntaxError.offset), message: syntaxError.message };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

interface SyntaxErrorAt {
  offset: number;
  message: string;
}

function findSyntaxError(text: string): SyntaxErrorAt | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.at;
    throw error;
  }
}

class JsonSyntaxError extends Error {
  constructor(readonly at: SyntaxErrorAt) {
    super(at.message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** A JSON grammar checker that only locates the first error; JSON.parse builds the value. */
class JsonScanner {
  private offset = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail('unexpected text after the end of the JSON document');
  }

  private value(): void {
    this.skipWhitespace();
    const char = this.text[this.offset];
    if (char === '{') return this.container('}', () => this.member());
    if (char === '[') return this.container(']', () => this.value());
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.match(NUMBER, 'malformed number');
    const literal = ['true', 'false', 'null'].find((word) => this.text.startsWith(word, this.offset));
    if (literal) this.offset += literal.length;
    else this.fail(char === undefined ? 'unexpected end of text: a value is missing' : `unexpected ${JSON.stringify(char)}: expected a value`);
  }

  private container(close: '}' | ']', element: () => void): void {
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === close) {
      this.offset++;
      return;
    }
    for (;;) {
      element();
      this.skipWhitespace();
      const char = this.text[this.offset++];
      if (char === close) return;
      if (char !== ',') this.fail(`expected ',' or '${close}'`, this.offset - 1);
    }
  }

  private member(): void {
    this.skipWhitespace();
    if (this.text[this.offset] !== '"') this.fail('expected a property name in double quotes (is there a trailing comma?)');
    this.string();
    this.skipWhitespace();
    if (this.text[this.offset++] !== ':') this.fail("expected ':' after the property name", this.offset - 1);
    this.value();
  }

  private string(): void {
    this.offset++;
    while (this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (char === '"') {
        this.offset++;
        return;
      }
      if (char === '\\') this.match(ESCAPE, 'invalid escape sequence in a string');
      else if (char < ' ') this.fail('line break or control character inside a string (is a closing quote missing?)');
      else this.offset++;
    }
    this.fail('unterminated string');
  }

  private match(pattern: RegExp, message: string): void {
    pattern.lastIndex = this.offset;
    if (!pattern.test(this.text)) this.fail(message);
    this.offset = pattern.lastIndex;
  }

  private skipWhitespace(): void {
    while (' \t\n\r'.includes(this.text[this.offset] ?? 'x')) this.offset++;
  }

  private fail(message: string, offset = this.offset): never {
    throw new JsonSyntaxError({ offset, message });
  }
}
