import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

/** Built scripts and styles carry a content hash in their names: a name never changes content. */
export const IMMUTABLE_ASSET = 'public, max-age=31536000, immutable';

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * Serves `/assets/*.js|css` from the Brotli or gzip copy the build made beside it (frontend/vite.config.ts,
 * precompressAssets), whichever the browser accepts, so pages arrive compressed without a compressing proxy and
 * without CPU per request. Anything else — no copy, no accepted encoding — falls through to the plain file.
 */
export function precompressedAssets(staticDir: string): RequestHandler {
  const assets = path.join(staticDir, 'assets');
  // The build does not change under a running server: its copies are listed once, not looked up per request.
  const copies = new Set(fs.existsSync(assets) ? fs.readdirSync(assets) : []);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/assets\/[\w.-]+\.(?:js|css)$/.test(req.path)) return next();
    // Ours is the preference (Brotli is smaller); browsers list gzip first with the same weight.
    const [accepted, suffix] = req.headers['accept-encoding']
      ? (ENCODINGS.find(([encoding]) => req.acceptsEncodings(encoding) === encoding) ?? [])
      : [];
    // One file name, no folders (the pattern above): the copy lies in the assets folder itself.
    const copy = suffix && `${path.basename(req.path)}${suffix}`;
    res.vary('Accept-Encoding');
    if (!copy || !copies.has(copy)) return next();
    res.set({ 'Content-Encoding': accepted, 'Cache-Control': IMMUTABLE_ASSET }).type(path.extname(req.path));
    res.sendFile(path.join(assets, copy), { cacheControl: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
