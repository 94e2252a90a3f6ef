import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlineShell } from './build-tools/offline-shell';
import { precompress } from './build-tools/precompress';

const shell = offlineShell();

// The server serves `dist/` and the API on one origin; in development Vite serves the client
// and forwards `/api` to the server on port 3000.
export default defineConfig({
  plugins: [react(), shell.plugin, precompress({ before: shell.inject })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps would hand the client's source to anyone who asks for them: built only on
    // request (VISITT_WEB_SOURCEMAP=true npm run build), to debug a bundle locally.
    sourcemap: process.env.VISITT_WEB_SOURCEMAP === 'true',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: files of their own stay cached across
        // releases. One per library, not one for all, so the first page fetches only those it
        // uses (Temporal and zod come with the pages that need them).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'temporal', test: /node_modules[\\/](temporal-polyfill|temporal-spec)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false, ws: true },
    },
  },
});
