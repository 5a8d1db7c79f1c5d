import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Every answer — pages, API JSON, files — carries the browser's defences (helmet): a Content-Security-Policy that
 * allows exactly what the site loads, no framing by other sites (clickjacking a signed-in dashboard),
 * `nosniff`, a Referrer-Policy, and HSTS when the site is served over HTTPS. The embed pages alone
 * (`/embed/…`: a player or a read-only chat, nothing to click that acts for a signed-in user) may be framed anywhere.
 */
export type SiteOrigins = {
  /** PUBLIC_URL: https decides HSTS. */
  publicUrl: string;
  /** LIVEKIT_URL: the client connects to it (ws/wss) and calls it over http(s). */
  livekitUrl: string;
  /** Where replay media and pictures are redirected to (object storage), if anywhere. */
  mediaOrigin?: string;
  /** `sha256-…` of each inline <script> of the app shell (index.html), so exactly those may run. */
  inlineScriptHashes: string[];
};

/** The origins a LiveKit URL means for the browser: its WebSocket and the same host over HTTP(S). */
function livekitOrigins(livekitUrl: string): string[] {
  const url = new URL(livekitUrl);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`];
}

/** The pages other sites may frame: the embeddable player and chat overlay (frontend routes /embed/:username…). */
export const isEmbedPage = (path: string) => path.startsWith('/embed/');

export function contentSecurityPolicy(origins: SiteOrigins, { framable = false } = {}): Record<string, string[]> {
  const media = origins.mediaOrigin ? [origins.mediaOrigin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...origins.inlineScriptHashes.map((hash) => `'${hash}'`)],
    // React sets styles through the CSSOM (allowed); no inline <style> or style="" reaches the page.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...media],
    'media-src': ["'self'", 'blob:', ...media],
    'font-src': ["'self'", 'data:'],
    // Media: HLS players fetch replay segments with XHR (from the bucket, when recordings are in object storage).
    'connect-src': ["'self'", ...livekitOrigins(origins.livekitUrl), ...media],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': framable ? ['*'] : ["'none'"],
  };
}

export function securityHeaders(origins: SiteOrigins): RequestHandler {
  const common = {
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
    strictTransportSecurity: origins.publicUrl.startsWith('https://') ? { maxAge: 31_536_000 } : false,
  };
  const everywhere = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(origins) },
    xFrameOptions: { action: 'deny' },
  });
  const embeds = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(origins, { framable: true }) },
    xFrameOptions: false,
  });
  return (req, res, next) => (isEmbedPage(req.path) ? embeds : everywhere)(req, res, next);
}

/** The `sha256-…` sources of an HTML page's inline scripts (those without `src`). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `sha256-${createHash('sha256').update(match[1]!).digest('base64')}`,
  );
}
