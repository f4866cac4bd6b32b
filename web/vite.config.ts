import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the local stack at /web/ (functions/dev/local/start.ts); `npm run dev:web` proxies the
// API to a running `npm start` (port 8080 unless API_PORT says otherwise).
export default defineConfig({
  base: '/web/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 18080),
    proxy: { '/v1': `http://localhost:${process.env.API_PORT ?? 8080}` },
  },
});
