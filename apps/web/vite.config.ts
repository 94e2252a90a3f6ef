import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves `dist/` and the API on one origin; in development Vite serves the client
// and forwards `/api` to the server on port 3000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
