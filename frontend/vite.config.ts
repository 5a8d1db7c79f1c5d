import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/**
 * Brotli and gzip copies of every script and stylesheet beside it (`x.js.br`, `x.js.gz`), made once at build time
 * at the highest levels, so the backend serves them compressed without spending CPU per request — also where no
 * compressing proxy stands in front (backend/src/http/precompressed-assets.ts).
 */
function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'precompress-assets',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of fs.readdirSync(assets).filter((file) => /\.(?:js|css)$/.test(file))) {
        const file = path.join(assets, name);
        const content = fs.readFileSync(file);
        fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadLiveKitOnWatchPages(), precompressAssets()],
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
