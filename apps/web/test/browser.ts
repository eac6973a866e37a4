import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const REPO = resolve(__dirname, '../../..');

/** Debian's Chromium (the test tool's own browser download does not work on our machines). */
export const CHROMIUM = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network it cannot reach here, and headless as root. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the test run saves its screenshots (not committed: test-output/ is ignored). */
export const SCREENSHOTS = join(REPO, 'test-output', 'console');

/** Builds the console with Vite into a fresh directory, as `npm run build:web` does; answers the directory. */
export function buildConsole(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-web-'));
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(REPO, 'apps/web/vite.config.mjs'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`vite build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  return outDir;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; npm test does it through .ci/prepare) or set SWITCHBOARD_CHROMIUM.`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** One person's browser: its page, and `close()`, which also fails the test if the console threw meanwhile. */
export interface ConsoleBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** A fresh browser profile (its own session storage) at a laptop's width, signed in with `token` through the sign-in form, by keyboard. */
export async function signedIn(
  browser: Browser,
  base: string,
  token: string,
  path = '/console/',
  viewport = { width: 1366, height: 900 },
): Promise<ConsoleBrowser> {
  // bypassCSP lets the tests inject axe-core into the page; the console itself never needs it.
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', bypassCSP: true });
  const page = await context.newPage();
  // Uncaught errors in the page are collected and fail the test at close (not thrown in an event handler).
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}${path}`);
  await page.getByLabel('Access token').focus();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return {
    context,
    page,
    async close() {
      await context.close();
      expect(errors).toEqual([]);
    },
  };
}

/** True when the canvas has something drawn on it (not every pixel transparent or one colour). */
export function canvasIsDrawn(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length && colours.size < 3; i += 4 * 97) colours.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
    return colours.size >= 3;
  });
}

/** Form controls without a label: each must be named for screen readers. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

/**
 * Visible text whose contrast with its background is below WCAG AA (4.5:1; 3:1 for large text),
 * computed from the rendered colours.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (colour: string): Rgba | undefined => {
      const match = /rgba?\(([^)]+)\)/.exec(colour);
      if (!match) return undefined;
      const [r, g, b, a = 1] = match[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return { r, g, b, a };
    };
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (c: Rgba) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    const background = (element: Element | null): Rgba => {
      for (let e = element; e; e = e.parentElement) {
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour && colour.a > 0.5) return colour;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('.visually-hidden, [disabled], .skip-link, option')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const [light, dark] = [luminance(fg), luminance(background(element))].sort((x, y) => y - x);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${element.tagName.toLowerCase()}.${element.className} "${text.slice(0, 40)}": ${ratio.toFixed(2)}:1`);
    }
    return failures;
  });
}

/** True when the page needs no sideways scrolling at the current width (wide tables scroll inside their own box). */
export function fitsTheWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Waits until the element (the first one matched) contains `text`, as the page changes. */
export async function containsText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** Waits until `selector` matches exactly `count` elements. */
export async function countBecomes(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(([css, n]) => document.querySelectorAll(css as string).length === n, [selector, count] as const);
}

/** Waits until the page is at `path`. */
export async function atPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path);
}

/**
 * WCAG 2.1 A and AA violations axe-core finds on the page as it is now (rule id, impact, and the
 * first offending elements), or [] — the accessibility engine browsers' own audits are built on.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}
