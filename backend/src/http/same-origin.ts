import type { RequestHandler } from 'express';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasBody(headers: { 'content-length'?: string; 'transfer-encoding'?: string }): boolean {
  return Boolean(headers['transfer-encoding']) || Number(headers['content-length'] ?? 0) > 0;
}

/**
 * Cookies ride along on requests other sites make (a form on another port of the same host is "same-site",
 * so SameSite=Lax does not stop it). State-changing requests are refused when the browser says they come
 * from another origin: `Origin` when present, else `Sec-Fetch-Site`. Requests carrying neither are not from a
 * browser and cannot borrow anyone's cookie. Bodies must be JSON (an HTML form cannot send that cross-origin
 * without CORS), except on routes listed in `rawBodyPaths`.
 */
export function sameOriginWrites(options: { trustedOrigins: string[]; rawBodyPaths: string[] }): RequestHandler {
  const trusted = new Set(options.trustedOrigins);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const fromElsewhere =
      origin !== undefined ? !trusted.has(origin) : fetchSite !== undefined && !['same-origin', 'none'].includes(fetchSite);
    if (fromElsewhere)
      throw new AppError(403, 'FORBIDDEN', 'This request came from another site. Use the site itself to do that.', {
        reason: 'CROSS_ORIGIN',
      });
    const rawAllowed = options.rawBodyPaths.some((path) => req.path === path);
    if (!rawAllowed && hasBody(req.headers) && !req.is('application/json'))
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).');
    next();
  };
}
