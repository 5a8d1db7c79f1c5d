import express, { Router } from 'express';
import { parse } from '../../http/validate.ts';
import { liveEventsQuery } from './live.schemas.ts';
import { receiveLiveKitWebhook } from './webhook.service.ts';
import { subscribeLiveEvents } from './live-events.service.ts';

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

liveEventsRouter.get('/events', async (req, res) => {
  const { hostId } = parse(liveEventsQuery, req.query);
  const send = (chunk: string) => {
    if (!res.writableEnded) res.write(chunk);
  };
  const unsubscribe = await subscribeLiveEvents({
    onEvent: (event) => {
      if (!hostId || event.hostId === hostId) send(`data: ${JSON.stringify(event)}\n\n`);
    },
    onLost: () => res.end(),
  });
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
