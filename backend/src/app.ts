import path from 'node:path';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { toNodeHandler } from 'better-auth/node';
import { env } from './config/env.ts';
import { logger } from './lib/logger.ts';
import { auth } from './lib/auth.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { healthRouter } from './modules/health/health.routes.ts';
import { tokensRouter } from './modules/tokens/tokens.routes.ts';
import { uploadsRouter } from './modules/uploads/uploads.routes.ts';
import { signInLimitRouter } from './modules/auth/auth.routes.ts';
import { usersRouter } from './modules/users/users.routes.ts';
import { socialRouter } from './modules/social/social.routes.ts';
import { eligibilityRouter } from './modules/eligibility/eligibility.routes.ts';
import { discoveryRouter } from './modules/discovery/discovery.routes.ts';
import { analyticsRouter } from './modules/analytics/analytics.routes.ts';
import { chatRouter } from './modules/chat/chat.routes.ts';
import { liveRouter } from './modules/live/live.routes.ts';
import { streamsRouter } from './modules/streams/streams.routes.ts';

/** Builds the app without listening, so tests drive it directly. */
export function createApp() {
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address only when the proxy in front is trusted (per-IP sign-in limits use it).
  app.set('trust proxy', env.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );
  app.use(healthRouter);

  // better-auth reads its own body, so it is mounted before the JSON parser. Sign-in attempts are
  // counted first (that router parses the body; better-auth re-reads the parsed body).
  app.use('/api', signInLimitRouter);
  app.all('/api/auth/{*rest}', toNodeHandler(auth));
  // LiveKit signs the webhook's raw bytes, so the live router (webhook + event stream) reads its own body.
  app.use('/api', liveRouter);

  app.use(express.json({ limit: '100kb' }));
  app.use('/api', tokensRouter);
  app.use('/api', uploadsRouter);
  app.use('/api', usersRouter);
  app.use('/api', socialRouter);
  app.use('/api', eligibilityRouter);
  app.use('/api', discoveryRouter);
  app.use('/api', analyticsRouter);
  app.use('/api', chatRouter);
  app.use('/api', streamsRouter);
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
