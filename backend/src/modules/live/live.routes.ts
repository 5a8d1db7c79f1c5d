import express, { Router } from 'express';
import { parse } from '../../http/validate.ts';
import { liveEventsQuery } from './live.schemas.ts';
import { receiveLiveKitWebhook } from './webhook.service.ts';
import { admitEventStream, subscribeLiveEvents } from './live-events.service.ts';
import { env } from '../../config/env.ts';
import { AppError } from '../../http/errors.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';

/** /api/webhook: LiveKit's signed webhooks. Mounted before the app's JSON parser: the signature covers the raw bytes. */
export const webhookRouter = Router();

webhookRouter.post('/livekit', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
  const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  const outcome = await receiveLiveKitWebhook(rawBody, req.get('authorization'));
  res.json({ outcome });
});

/** /api/live: server-sent events — a stream going live or offline, and viewer count or title changes. */
export const liveEventsRouter = Router();

/** Proxies drop idle connections; a comment line every so often keeps the event stream open. */
const KEEP_ALIVE_MS = 25_000;
/** A reader this far behind is dropped (its browser reconnects and re-reads) rather than buffered without end. */
const MAX_UNSENT_BYTES = 64 * 1024;
/** When full, clients come back after 5–15 s, spread so they do not all return at once. */
const retryAfterMs = () => 5000 + Math.floor(Math.random() * 10_000);

liveEventsRouter.get('/events', async (req, res) => {
  const { hostId } = parse(liveEventsQuery, req.query);
  const admission = admitEventStream(clientNetworkOf(req.ip), {
    maxStreams: env.LIVE_EVENTS_MAX_STREAMS,
    maxPerNetwork: env.LIVE_EVENTS_MAX_PER_NETWORK,
  });
  if (!admission.admitted)
    throw new AppError(
      503,
      'UNAVAILABLE',
      admission.reason === 'NETWORK_FULL'
        ? 'Too many live-update connections from your network. Close some tabs; this one retries shortly.'
        : 'Live updates are busy right now. Retrying shortly.',
      { reason: admission.reason, retryAfterMs: retryAfterMs() },
    );
  res.on('close', admission.release);
  const send = (chunk: string) => {
    if (res.writableEnded) return;
    if (res.writableLength > MAX_UNSENT_BYTES) {
      res.end();
      return;
    }
    res.write(chunk);
  };
  let unsubscribe: () => void;
  try {
    unsubscribe = await subscribeLiveEvents({
      onEvent: (event) => {
        if (!hostId || event.hostId === hostId) send(`data: ${JSON.stringify(event)}\n\n`);
      },
      onLost: () => res.end(),
    });
  } catch (error) {
    admission.release();
    throw error;
  }
  if (res.closed) {
    unsubscribe();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Browsers reconnect by themselves after this many milliseconds when the stream drops.
  send('retry: 2000\n\n');
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
  res.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
});
