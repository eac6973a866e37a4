/** One thing wrong with a configuration, located by its JSON path (e.g. 'services[3].sla.unit'). */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** The path of a field inside the object at `path`. */
export function fieldPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The path of an element inside the list at `path`. */
export function elementPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A short description of what a JSON value is, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * Reads untrusted configuration values, collecting every problem instead of stopping at the
 * first, so a config author sees all of them in one run. Each reader returns undefined when
 * the value is missing or of the wrong type (and records why, unless the value is optional).
 */
export class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  /** Records a problem at a path. */
  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** A plain object whose fields are all among `knownFields`; unknown fields are typos and reported. */
  object(value: unknown, path: string, knownFields: readonly string[], optional = false): Record<string, unknown> | undefined {
    if (!this.present(value, path, optional)) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report(path, `must be an object (got ${describeValue(value)})`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!knownFields.includes(key)) {
        this.report(fieldPath(path, key), `unknown field (known fields: ${knownFields.join(', ')})`);
      }
    }
    return value as Record<string, unknown>;
  }

  /** A list. */
  list(value: unknown, path: string): unknown[] | undefined {
    if (!this.present(value, path, false)) return undefined;
    if (Array.isArray(value)) return value;
    this.report(path, `must be a list (got ${describeValue(value)})`);
    return undefined;
  }

  /** A non-empty string (after trimming). */
  string(value: unknown, path: string, optional = false): string | undefined {
    if (!this.present(value, path, optional)) return undefined;
    if (typeof value !== 'string') {
      this.report(path, `must be a string (got ${describeValue(value)})`);
      return undefined;
    }
    if (value.trim() === '') {
      this.report(path, 'must not be empty');
      return undefined;
    }
    return value;
  }

  /** A finite number. */
  number(value: unknown, path: string): number | undefined {
    if (!this.present(value, path, false)) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.report(path, `must be a number (got ${describeValue(value)})`);
    return undefined;
  }

  /** A whole number. */
  integer(value: unknown, path: string): number | undefined {
    const number = this.number(value, path);
    if (number === undefined || Number.isInteger(number)) return number;
    this.report(path, `must be a whole number (got ${number})`);
    return undefined;
  }

  /** true or false. */
  boolean(value: unknown, path: string, optional = false): boolean | undefined {
    if (!this.present(value, path, optional)) return undefined;
    if (typeof value === 'boolean') return value;
    this.report(path, `must be true or false (got ${describeValue(value)})`);
    return undefined;
  }

  /** One of a closed set of strings. */
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    const text = this.string(value, path);
    if (text === undefined || (allowed as readonly string[]).includes(text)) return text as T | undefined;
    this.report(path, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(text)})`);
    return undefined;
  }

  /** A check that reports every value already seen among siblings, naming where it first appeared. */
  repeatCheck(what: string): (value: string | number, path: string) => void {
    const firstPaths = new Map<string | number, string>();
    return (value, path) => {
      const firstPath = firstPaths.get(value);
      if (firstPath === undefined) firstPaths.set(value, path);
      else this.report(path, `duplicate ${what} ${JSON.stringify(value)} (first at ${firstPath})`);
    };
  }

  private present(value: unknown, path: string, optional: boolean): boolean {
    if (value !== undefined) return true;
    if (!optional) this.report(path, 'is required');
    return false;
  }
}

/** A problem as one line of an error message: 'path: message'. */
export function formatProblem({ path, message }: ConfigProblem): string {
  return path ? `${path}: ${message}` : message;
}
