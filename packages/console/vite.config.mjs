// Builds the console to dist/, which the API serves at `/` (see services/api routes/console).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  // `pnpm --filter @rollcall/console dev` proxies the API on its default port.
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
