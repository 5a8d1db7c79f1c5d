import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `pnpm dev` passes the backend's address; the dev server proxies /api to it (one origin for cookies).
const backendUrl = process.env.BACKEND_URL ?? 'http://127.0.0.1:4000';

/**
 * On a watch URL the LiveKit client is on the critical path to the first frame: a tiny inline script (in the
 * built index.html only) asks for its chunk as a modulepreload while the app bundle is still loading, so the
 * browser downloads and compiles both side by side. Other pages never download it.
 */
function preloadLiveKitOnWatchPages(): Plugin {
  return {
    name: 'preload-livekit-on-watch-pages',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.name.startsWith('livekit-client'),
        );
        if (!chunk) throw new Error('no livekit-client chunk to preload');
        // The pages that play a stream: paths.watch (/:username/live) and paths.embed (/embed/:username).
        const script = `if(/^\\/(?:[^/]+\\/live|embed\\/[^/]+)\\/?$/.test(location.pathname)){const l=document.createElement('link');l.rel='modulepreload';l.href='/${chunk.fileName}';document.head.append(l)}`;
        return [{ tag: 'script', injectTo: 'head-prepend', children: script }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadLiveKitOnWatchPages()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.FRONTEND_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': { target: backendUrl, changeOrigin: false } },
  },
  // The LiveKit chunk is large but only loaded by pages that play or publish video.
  // The manifest lets the bundle budget (scripts/bundle-budget.ts) follow each page's chunks.
  // The watch boot (src/app/watch-boot.ts) is a second entry: the backend puts it before the app's own script in the
  // watch pages it serves with a viewer pass, finding its file through the manifest.
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    manifest: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        'watch-boot': fileURLToPath(new URL('./src/app/watch-boot.ts', import.meta.url)),
      },
    },
  },
});
