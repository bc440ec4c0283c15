import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app builds to apps/web/dist, which the API serves at `/`. In development, Vite's
 * server forwards the API's paths to a running stack (`npm start`, or HIREFLOW_API_URL).
 */
const api = process.env.HIREFLOW_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // React's automatic runtime: components need no `import React`.
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/v1': api,
      '/health': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
