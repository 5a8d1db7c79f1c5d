import { pino, type DestinationStream, type TransportSingleOptions } from 'pino';
import { env } from '../config/env.ts';

/**
 * For a person at a terminal: time, level and message on one coloured line. Request lines carry their method,
 * path, status and time in the message, so the request and response objects (headers and all) are left out.
 * pino-pretty is a development dependency, loaded by pino only when this is asked for.
 */
const prettyTransport: TransportSingleOptions = {
  target: 'pino-pretty',
  options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime', singleLine: true },
};

/**
 * Secrets never reach a log line: stream keys, tokens, cookies. A logger given its own destination (a test's sink)
 * logs from `info` whatever LOG_LEVEL says.
 */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: destination ? 'info' : env.LOG_LEVEL,
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
      ...(env.LOG_FORMAT === 'pretty' && !destination && { transport: prettyTransport }),
    },
    destination,
  );
}

export const logger = createLogger();
