import { pino, type DestinationStream } from 'pino';
import { env } from '../config/env.ts';

/** Secrets never reach a log line: stream keys, tokens, cookies. */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: env.LOG_LEVEL === 'silent' && destination ? 'info' : env.LOG_LEVEL,
      redact: {
        paths: [
          'streamKey',
          '*.streamKey',
          'token',
          '*.token',
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const logger = createLogger();
