// The console is served by the API under /console (docs/console.md); `npm run build:web` writes dist/apps/web.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  // JSX through Vite's own transformer, with React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite --config apps/web/vite.config.mjs` during development: the API on :3000 answers the calls.
    proxy: Object.fromEntries(['/me', '/departments', '/tickets', '/metrics', '/escalations'].map((path) => [path, 'http://127.0.0.1:3000'])),
  },
});
