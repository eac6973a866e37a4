/**
 * What the 311 pages' browser tests share: the real API as `npm start` runs it (embedded SQLite,
 * in-process projector, the demo catalog, then the demo knowledge base and phone rosters imported
 * as apps/api/src/main.ts imports them) serving the real Vite build to headless Chromium; the page
 * checks (labels, contrast, axe-core, a screenshot); and a keyboard that counts keystrokes.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_KNOWLEDGE_BASE_PATH } from '../../api/src/config/api-config';
import { importKnowledgeBase } from '../../api/src/knowledge/import-knowledge-base';
import { importDemoRosters } from '../../api/src/phone-coverage/import-demo-rosters';
import { startTestApi, type TestApi } from '../../api/test/api-harness';
import { accessibilityViolations, buildConsole, fitsTheWidth, launchChromium, lowContrastText, SCREENSHOTS, unlabelledControls } from './browser';

export interface ConsoleSuite {
  readonly api: TestApi;
  readonly browser: Browser;
  /** The API's URL; the console is at `${base}/console/`. */
  readonly base: string;
}

/**
 * Starts the API and Chromium before the file's tests and stops them after; call the answer inside
 * a test. `demoData: false` leaves out the demo knowledge base and rosters, for pages whose tests
 * build their own.
 */
export function consoleSuite({ demoData = true }: { readonly demoData?: boolean } = {}): () => ConsoleSuite {
  let suite: ConsoleSuite | undefined;
  let consoleDir: string | undefined;
  beforeAll(async () => {
    consoleDir = buildConsole();
    const api = await startTestApi({ consoleDir });
    if (demoData) {
      expect((await importKnowledgeBase(api.app, DEMO_KNOWLEDGE_BASE_PATH)).published).toBeGreaterThan(0);
      await importDemoRosters(api.app);
    }
    suite = { api, browser: await launchChromium(), base: await api.app.getUrl() };
  });
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.api.close();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });
  return () => {
    if (!suite) throw new Error('the console suite has not started');
    return suite;
  };
}

/** Every control labelled, no low-contrast text, axe-core clean (and, with `fitsWidth`, no sideways scrolling); a screenshot named `name`. */
export async function checked(page: Page, name: string, { fitsWidth = false }: { readonly fitsWidth?: boolean } = {}): Promise<void> {
  expect(await unlabelledControls(page)).toEqual([]);
  expect(await lowContrastText(page)).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);
  if (fitsWidth) expect(await fitsTheWidth(page)).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Presses keys, counting them. */
export class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.page.keyboard.press(key);
      this.count += 1;
    }
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.count += text.length;
  }
}

/** Prints a flow's keystrokes and time (from `started`, a `Date.now()`). */
export const report = (page: string, flow: string, keys: Keys, started: number) =>
  console.log(`${page}: ${flow}: ${keys.count} keystrokes, ${Date.now() - started} ms`);
