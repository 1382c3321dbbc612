import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/** The head both pages start with (ATM and console): written once, put first in each. */
const SHARED_HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'UTF-8' } },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
  { tag: 'meta', attrs: { name: 'color-scheme', content: 'light' } },
  { tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' } },
].map((tag) => ({ ...tag, injectTo: 'head-prepend' }));

/** Each entry's HTML holds only its own title and mount point; this adds the shared head. */
function sharedHead(): Plugin {
  return {
    name: 'shared-head',
    transformIndexHtml: { order: 'pre', handler: () => SHARED_HEAD },
  };
}

/** In `vite` dev, /admin and its client routes answer the console page, as the server does. */
function adminDevRoutes(): Plugin {
  return {
    name: 'admin-dev-routes',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        if (
          path === '/admin' ||
          (path.startsWith('/admin/') && !path.split('/').pop()?.includes('.'))
        ) {
          request.url = '/admin/index.html';
        }
        next();
      });
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), sharedHead(), adminDevRoutes()],
  resolve: {
    alias: {
      '@atm/contracts': `${workspace}libs/contracts/src/index.ts`,
      '@atm/money': `${workspace}libs/money/src/index.ts`,
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8000',
      '/health': 'http://localhost:8000',
      '/ready': 'http://localhost:8000',
    },
  },
  build: {
    outDir: `${workspace}dist/apps/web`,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
    // Two pages, two entries: the ATM (index.html) never loads the console's code; the
    // chunks they share hold only what both import (React, TanStack Query, contracts).
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        admin: `${root}admin/index.html`,
      },
    },
  },
});
