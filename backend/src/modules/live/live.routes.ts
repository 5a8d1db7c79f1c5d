import express from 'express';
import { liveEvent } from '@streamhouse/contract/events';
import { apiRouter, ok } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { liveEventsQuery, webhookOutcome } from './live.schemas.ts';
import { receiveLiveKitWebhook } from './webhook.service.ts';
import { admitEventStream, currentStateEvents, subscribeLiveEvents } from './live-events.service.ts';
import { env } from '../../config/env.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';
import { onConnectionsClosing } from '../../lib/shutdown.ts';
import { sessionUserOf } from '../auth/auth.service.ts';
import { subscribeUserNotifications } from '../notifications/notifications-events.service.ts';

/** /api/webhook: LiveKit's signed webhooks. Mounted before the app's JSON parser: the signature covers the raw bytes. */
export const webhookApi = apiRouter('/api/webhook', {
  tag: 'LiveKit',
  description: 'Called by the LiveKit server, not by browsers.',
  readsOwnBody: true,
});

webhookApi.post('/livekit', {
  summary: "LiveKit's webhook",
  description:
    'Rooms, participants, tracks and ingress starting or ending: the only writer of live state. Repeats are applied once; events older than the last applied are ignored.',
  security: [security.livekitWebhook],
  middleware: [express.raw({ type: () => true, limit: '1mb' })],
  requestBody: {
    contentType: 'application/webhook+json',
    description: 'A LiveKit WebhookEvent (protojson), as livekit-server sends it.',
  },
  responses: { 200: webhookOutcome },
  errors: {
    400: 'Correctly signed, but not a LiveKit event or without an id.',
    401: 'The signature is missing or does not match the body.',
  },
  handler: async (_input, req) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    return ok({ outcome: await receiveLiveKitWebhook(rawBody, req.get('authorization')) });
  },
});

/** /api/live: server-sent events — a stream going live or offline, and viewer count or title changes. */
export const liveEventsApi = apiRouter('/api/live', {
  tag: 'Live events',
  description: 'Live updates for pages, without polling.',
});

/** Proxies drop idle connections; a comment line every so often keeps the event stream open. */
const KEEP_ALIVE_MS = 25_000;
/** A reader this far behind is dropped (its browser reconnects and re-reads) rather than buffered without end. */
const MAX_UNSENT_BYTES = 64 * 1024;
/** When an instance shuts down, its event streams reconnect within 1–5 s, spread. */
const shutdownRetryMs = () => 1000 + Math.floor(Math.random() * 4000);
/** When full, clients come back after 5–15 s, spread so they do not all return at once. */
const retryAfterMs = () => 5000 + Math.floor(Math.random() * 10_000);

liveEventsApi.get('/events', {
  summary: 'Streams going live or offline, and viewer count or title changes; or your notifications',
  description:
    "Server-sent events: each `data:` line is one LiveEvent (JSON); with `notifications=include` also, for a signed-in caller, their own NotificationEvents (told apart by `type`: the site's one stream per browser); with `notifications=only` just those. On opening, a LiveEvent stream starts with the current state of each live stream (or of `hostId`'s), as `stream.updated`. A comment line every 25 s keeps the connection open; browsers reconnect after 2 s when it drops. A reader too far behind is dropped (and reconnects).",
  query: liveEventsQuery,
  responses: {
    200: {
      description: 'An event stream of LiveEvent (and NotificationEvent with `notifications`)',
      contentType: 'text/event-stream',
      schema: liveEvent,
    },
  },
  errors: {
    401: '`notifications=only` without a session: notifications are for signed-in users only.',
    503: 'Too many live-update connections, in all or from this network (`reason`, with `retryAfterMs`).',
  },
  handler: async ({ query }, req, res) => {
    // The user is known only from the session cookie, never from the query: a stream carries only its own user's events.
    const user = query.notifications ? await sessionUserOf(req.headers) : undefined;
    if (query.notifications === 'only' && !user) throw unauthenticated('Sign in to receive notifications.');
    const withLiveEvents = query.notifications !== 'only';
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
    const subscriptions: Array<() => void> = [];
    const unsubscribe = () => subscriptions.forEach((stop) => stop());
    try {
      if (user)
        subscriptions.push(
          await subscribeUserNotifications(user.id, {
            onEvent: (_event, json) => send(`data: ${json}\n\n`),
            onLost: () => res.end(),
          }),
        );
      if (withLiveEvents)
        subscriptions.push(
          await subscribeLiveEvents({
            onEvent: (event, json) => {
              if (!query.hostId || event.hostId === query.hostId) send(`data: ${json}\n\n`);
            },
            onLost: () => res.end(),
          }),
        );
    } catch (error) {
      unsubscribe();
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
    if (withLiveEvents) for (const event of currentStateEvents(query.hostId)) send(`data: ${JSON.stringify(event)}\n\n`);
    const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
    // Shutting down: the browser comes back after a spread delay, to another instance, instead of all at once.
    const stopClosingHook = onConnectionsClosing(() => {
      send(`retry: ${shutdownRetryMs()}\n\n`);
      res.end();
    });
    res.on('close', () => {
      clearInterval(keepAlive);
      stopClosingHook();
      unsubscribe();
    });
  },
});
