import path from 'node:path';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { env } from './config/env.ts';
import { logger } from './lib/logger.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { originsFor } from './http/origins.ts';
import { sameOriginWrites } from './http/same-origin.ts';
import { refuseControlCharactersInUrl, refuseNulInBody } from './http/text-policy.ts';
import { healthRouter } from './modules/health/health.routes.ts';
import { authRouter } from './modules/auth/auth.routes.ts';
import { webhookRouter, liveEventsRouter } from './modules/live/live.routes.ts';
import { viewerRouter } from './modules/discovery/discovery.routes.ts';
import { streamRouter } from './modules/streams/streams.routes.ts';
import { usersRouter } from './modules/users/users.routes.ts';
import { chatRouter } from './modules/chat/chat.routes.ts';
import { uploadsRouter } from './modules/uploads/uploads.routes.ts';
import { analyticsRouter } from './modules/analytics/analytics.routes.ts';

/** Builds the app without listening, so tests drive it directly. One router owns each URL prefix. */
export function createApp() {
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address only when the proxy in front is trusted (per-IP limits use it).
  app.set('trust proxy', env.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );
  app.use(refuseControlCharactersInUrl);
  app.use(healthRouter);
  app.use('/api', sameOriginWrites({ trustedOrigins: originsFor(env.PUBLIC_URL), rawBodyPaths: ['/uploads', '/webhook/livekit'] }));

  // These read their own bodies: better-auth parses its requests, and LiveKit signs the webhook's raw bytes.
  app.use('/api/auth', authRouter);
  app.use('/api/webhook', webhookRouter);

  app.use(express.json({ limit: '100kb' }), refuseNulInBody);
  app.use('/api/live', liveEventsRouter);
  app.use('/api/viewer', viewerRouter);
  app.use('/api/stream', streamRouter);
  app.use('/api/users', usersRouter);
  app.use('/api/chat', chatRouter);
  app.use('/api/uploads', uploadsRouter);
  app.use('/api/analytics', analyticsRouter);
  app.use('/api', notFoundHandler);

  if (env.STATIC_DIR) {
    const staticDir = path.resolve(env.STATIC_DIR);
    app.use(express.static(staticDir, { index: false, maxAge: '1h' }));
    // Client-side routes all render the app shell.
    app.get('/{*rest}', (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
