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

/** Builds the app without listening, so tests drive it directly. */
export function createApp() {
  const app = express();
  app.disable('x-powered-by');

  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );
  app.use(healthRouter);

  // better-auth reads its own body, so it is mounted before the JSON parser.
  app.all('/api/auth/{*rest}', toNodeHandler(auth));

  app.use(express.json({ limit: '100kb' }));
  app.use('/api', tokensRouter);
  app.use('/api', uploadsRouter);
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
