import type { RequestHandler } from 'express';
import { logger } from '../lib/logger.ts';

const WARN_EVERY_MS = 10 * 60_000;

/**
 * Says so (at most every ten minutes) when a request carries X-Forwarded-For from a peer TRUST_PROXY does not
 * trust: behind a proxy that is not named, every visitor has the proxy's address, so per-network limits would
 * count the whole site as one household.
 */
export function warnOnUntrustedForwarding(): RequestHandler {
  let lastWarnedAt = -Infinity;
  return (req, _res, next) => {
    if (req.headers['x-forwarded-for'] !== undefined && Date.now() - lastWarnedAt > WARN_EVERY_MS) {
      const trusts = req.app.get('trust proxy fn') as (address: string, hop: number) => boolean;
      if (!trusts(req.socket.remoteAddress ?? '', 0)) {
        lastWarnedAt = Date.now();
        logger.warn(
          'X-Forwarded-For arrived from a proxy TRUST_PROXY does not name: every visitor behind it shares its address. Set TRUST_PROXY to its addresses.',
        );
      }
    }
    next();
  };
}
