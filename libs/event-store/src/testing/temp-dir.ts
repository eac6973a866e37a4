import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory per test, removed after it; returns a function giving paths inside it. */
export function useTempDir(): (name: string) => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-es-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return (name) => join(dir, name);
}
