import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [react(), adminDevRoutes()],
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
