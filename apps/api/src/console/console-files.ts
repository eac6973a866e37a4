import { extname, resolve, sep } from 'node:path';

/** Where the console is served: `/console/` and below. */
export const CONSOLE_PATH = '/console';

/** Headers on every console response: the page may load only its own scripts, styles and data, and nobody may frame it. */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Fingerprinted build output (Vite's `assets/`): its names change with its content, so it may be cached for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a console file, by its extension. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** What a path below /console/ asks for. */
export type ConsoleTarget =
  /** A file that may exist inside the console directory (absolute path), and its path relative to it. */
  | { readonly kind: 'file'; readonly file: string; readonly relative: string }
  /** A path without an extension: a client-side route, answered with index.html when no such file exists. */
  | { readonly kind: 'route'; readonly file: string; readonly relative: string }
  /** Leaves the directory, or is not a path at all (bad escapes, NUL, backslashes): refused. */
  | { readonly kind: 'refused' };

/**
 * Maps the raw (still percent-encoded) path after `/console/` to a file inside `dir`. It decodes
 * once, refuses `.` and `..` segments, backslashes and NUL (however they were encoded), and checks
 * that the resolved file is still inside `dir`.
 */
export function consoleTarget(dir: string, rawPath: string): ConsoleTarget {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused' };
  }
  if (path.includes('\0') || path.includes('\\')) return { kind: 'refused' };
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { kind: 'refused' };
  const root = resolve(dir);
  const file = resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) return { kind: 'refused' };
  const relative = segments.join('/');
  const last = segments.at(-1) ?? '';
  return { kind: extname(last) === '' ? 'route' : 'file', file, relative };
}

/** Cache-Control of a console file: immutable under assets/, revalidated otherwise (index.html above all). */
export function cacheControlOf(relative: string): string {
  return relative.startsWith('assets/') ? IMMUTABLE : 'no-cache';
}

/** The page /console/ answers (503) while the console has not been built. */
export const CONSOLE_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Switchboard console not built</title></head>
<body>
<h1>The Switchboard console is not built</h1>
<p>The API is running, but the web console has not been built into this server's console directory.
Run <code>npm run build:web</code> (or start the API with <code>npm start</code>, which builds it), then reload this page.</p>
</body>
</html>
`;
