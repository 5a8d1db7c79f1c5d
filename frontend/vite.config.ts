import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `pnpm dev` passes the backend's address; the dev server proxies /api to it (one origin for cookies).
const backendUrl = process.env.BACKEND_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.FRONTEND_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': { target: backendUrl, changeOrigin: false } },
  },
  // The LiveKit chunk is large but only loaded by pages that play or publish video.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 700 },
});
