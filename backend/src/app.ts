import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { env } from './config/env.ts';
import { logger } from './lib/logger.ts';
import { requestLogger } from './lib/request-log.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { originsFor } from './http/origins.ts';
import { sameOriginWrites } from './http/same-origin.ts';
import { refuseControlCharactersInUrl, refuseNulInBody } from './http/text-policy.ts';
import { checkResponses } from './http/response-check.ts';
import { warnOnUntrustedForwarding } from './http/untrusted-forwarding.ts';
import { timeRequests } from './http/request-metrics.ts';
import { inlineScriptHashes, securityHeaders } from './http/security-headers.ts';
import { IMMUTABLE_ASSET, precompressedAssets } from './http/precompressed-assets.ts';
import { storage as recordingStorage } from './modules/recordings/recordings.storage.ts';
import { apis } from './api.ts';
import { linkPreviewsRouter } from './modules/link-previews/link-previews.routes.ts';

/** Routes whose body is not JSON (raw uploads, signed webhooks), relative to /api: the same-origin check lets them through. */
const rawBodyPaths = apis
  .flatMap((api) => api.routes)
  .filter((route) => route.requestBody && route.requestBody.contentType !== 'application/json')
  .map((route) => route.path.slice('/api'.length));

/** Builds the app without listening, so tests drive it directly. One router owns each URL prefix. */
export function createApp() {
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address only when the proxy in front is trusted (per-IP limits use it).
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(warnOnUntrustedForwarding());
  app.use(timeRequests());
  const staticDir = env.STATIC_DIR && path.resolve(env.STATIC_DIR);
  app.use(
    securityHeaders({
      publicUrl: env.PUBLIC_URL,
      livekitUrl: env.LIVEKIT_URL,
      mediaOrigin: recordingStorage.browserOrigin,
      inlineScriptHashes: staticDir ? inlineScriptHashes(fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8')) : [],
    }),
  );

  app.use(requestLogger(logger));
  // In tests every answer is checked against the route's declared contract (see response-check.ts).
  if (env.NODE_ENV === 'test') app.use(checkResponses());
  app.use(refuseControlCharactersInUrl);
  app.use('/api', sameOriginWrites({ trustedOrigins: originsFor(env.PUBLIC_URL), rawBodyPaths }));

  // These read their own bodies: better-auth parses its requests, and LiveKit signs the webhook's raw bytes.
  for (const api of apis.filter((each) => each.readsOwnBody)) app.use(api.prefix || '/', api.router);
  app.use(express.json({ limit: '100kb' }), refuseNulInBody);
  for (const api of apis.filter((each) => !each.readsOwnBody)) app.use(api.prefix || '/', api.router);
  app.use('/api', notFoundHandler);

  if (staticDir) {
    app.use(precompressedAssets(staticDir));
    app.use(
      express.static(staticDir, {
        index: false,
        maxAge: '1h',
        // Hashed build output (/assets/) never changes under its name.
        setHeaders: (res, file) => {
          if (path.dirname(file) === path.join(staticDir, 'assets')) res.setHeader('Cache-Control', IMMUTABLE_ASSET);
        },
      }),
    );
    app.use(linkPreviewsRouter(staticDir));
    // Client-side routes all render the app shell.
    app.get('/{*rest}', (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
