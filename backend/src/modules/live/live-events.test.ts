import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';
import type { LiveEvent } from '@streamhouse/contract/events';
import { closeLiveEvents } from './live-events.service.ts';
import { ingressEvent, postWebhook, signWebhook } from './live.test-support.ts';

// Two app instances: browsers subscribe on one, webhooks arrive at the other.
const subscribedInstance = createApp();
const webhookInstance = createApp();
let server: http.Server;
let baseUrl: string;
const openStreams: http.ClientRequest[] = [];

beforeAll(async () => {
  server = subscribedInstance.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const stream of openStreams) stream.destroy();
  await closeLiveEvents();
  await new Promise((resolve) => server.close(resolve));
});

type EventStream = { headers: http.IncomingHttpHeaders; events: LiveEvent[]; next: () => Promise<LiveEvent> };

/** Opens GET /api/live/events like a browser's EventSource and collects the `data:` messages. */
function openEventStream(query = ''): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = [];
    const waiting: Array<(event: LiveEvent) => void> = [];
    let read = 0;
    const next = () =>
      new Promise<LiveEvent>((deliver) => {
        if (read < events.length) deliver(events[read++]!);
        else waiting.push(deliver);
      });
    const call = http.get(`${baseUrl}/api/live/events${query}`, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        const messages = buffer.split('\n\n');
        buffer = messages.pop()!;
        for (const message of messages) {
          const data = message.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          events.push(JSON.parse(data.slice(6)) as LiveEvent);
          const deliver = waiting.shift();
          if (deliver) deliver(events[read++]!);
        }
      });
      // The first bytes (the retry hint) arrive once the subscription is in place.
      response.once('data', () => resolve({ headers: response.headers, events, next }));
    });
    call.on('error', reject);
    openStreams.push(call);
  });
}

describe('GET /api/live/events (server-sent events)', () => {
  it('tells a page watching a creator that the stream went live, as soon as the webhook arrives on any instance', async () => {
    const host = await createTestUser('sse');
    const stream = await openEventStream(`?hostId=${host.id}`);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['cache-control']).toContain('no-cache');

    await postWebhook(webhookInstance, await signWebhook(ingressEvent('ingress_started', host.id)));
    const event = await stream.next();
    expect(event).toMatchObject({
      type: 'stream.live',
      hostId: host.id,
      username: host.displayUsername,
      isLive: true,
      viewerCount: 0,
    });
    expect(new Date(event.startedAt!).getTime()).toBeGreaterThan(0);

    await postWebhook(webhookInstance, await signWebhook(ingressEvent('ingress_ended', host.id)));
    expect(await stream.next()).toMatchObject({ type: 'stream.offline', hostId: host.id, isLive: false, startedAt: null });
  });

  it('only sends the events of the creator asked for; without hostId it sends everyone’s', async () => {
    const watched = await createTestUser('watched');
    const other = await createTestUser('other');
    const filtered = await openEventStream(`?hostId=${watched.id}`);
    const everything = await openEventStream();

    await postWebhook(webhookInstance, await signWebhook(ingressEvent('ingress_started', other.id)));
    await postWebhook(webhookInstance, await signWebhook(ingressEvent('ingress_started', watched.id)));

    expect((await filtered.next()).hostId).toBe(watched.id);
    expect(filtered.events.map((event) => event.hostId)).not.toContain(other.id);
    // The unfiltered stream starts with the state of streams live from earlier tests; both arrive after it.
    const seen = new Set<string>();
    while (!seen.has(watched.id) || !seen.has(other.id)) seen.add((await everything.next()).hostId);
  });

  it('starts a new subscription with the current state of the stream, so a count changed just before it opened is not missed', async () => {
    const hostId = `caught-up-${Date.now()}`;
    const notifier = new pg.Client({ connectionString: env.DATABASE_URL });
    await notifier.connect();
    const early = await openEventStream(`?hostId=${hostId}`);
    const state: LiveEvent = {
      type: 'stream.live',
      hostId,
      username: 'CaughtUp',
      isLive: true,
      viewerCount: 7,
      startedAt: '2026-11-30T00:00:00.000Z',
      title: 'Already live',
    };
    await notifier.query('SELECT pg_notify($1, $2)', ['live_events', JSON.stringify(state)]);
    await notifier.end();
    expect(await early.next()).toEqual(state);

    const late = await openEventStream(`?hostId=${hostId}`);
    expect(await late.next()).toEqual({ ...state, type: 'stream.updated' });
  });

  it('relays a notification raised by another backend instance through PostgreSQL', async () => {
    const stream = await openEventStream('?hostId=elsewhere-host');
    const elsewhere = new pg.Client({ connectionString: env.DATABASE_URL });
    await elsewhere.connect();
    const payload: LiveEvent = {
      type: 'stream.updated',
      hostId: 'elsewhere-host',
      username: 'Elsewhere',
      isLive: true,
      viewerCount: 42,
      startedAt: new Date().toISOString(),
      title: 'From instance B',
    };
    await elsewhere.query('SELECT pg_notify($1, $2)', ['live_events', JSON.stringify(payload)]);
    await elsewhere.end();
    expect(await stream.next()).toEqual(payload);
  });

  it("sends a stream's viewer count at most once a second, the latest count winning; other changes at once", async () => {
    const hostId = `counted-${Date.now()}`;
    const stream = await openEventStream(`?hostId=${hostId}`);
    const notifier = new pg.Client({ connectionString: env.DATABASE_URL });
    await notifier.connect();
    const event = (viewerCount: number, title = 'Raid!'): LiveEvent => ({
      type: 'stream.updated',
      hostId,
      username: 'Counted',
      isLive: true,
      viewerCount,
      startedAt: '2026-11-30T00:00:00.000Z',
      title,
    });
    const raise = (payload: LiveEvent) => notifier.query('SELECT pg_notify($1, $2)', ['live_events', JSON.stringify(payload)]);
    await raise(event(1));
    expect((await stream.next()).viewerCount).toBe(1);
    const heldFrom = Date.now();
    for (let count = 2; count <= 50; count++) await raise(event(count));
    const coalesced = await stream.next();
    expect(coalesced.viewerCount).toBe(50);
    expect(Date.now() - heldFrom).toBeGreaterThanOrEqual(900);
    // A title change is not held back.
    const changedAt = Date.now();
    await raise(event(51, 'New title'));
    expect(await stream.next()).toMatchObject({ title: 'New title', viewerCount: 51 });
    expect(Date.now() - changedAt).toBeLessThan(900);
    await notifier.end();
    expect(stream.events.map((received) => received.viewerCount)).toEqual([1, 50, 51]);
  });

  it('tells pages when the creator changes the title', async () => {
    const { agent, user } = await signedInAgent(webhookInstance, 'titled');
    const stream = await openEventStream(`?hostId=${user.id}`);
    await agent.put('/api/stream/info').send({ title: 'Speedrun, any%' }).expect(200);
    expect(await stream.next()).toMatchObject({
      type: 'stream.updated',
      hostId: user.id,
      title: 'Speedrun, any%',
      isLive: false,
    });
  });

  it.each(['?hostId=', `?hostId=${'x'.repeat(65)}`, '?unknown=1'])('refuses %s with 400 JSON', async (query) => {
    const response = await request(subscribedInstance).get(`/api/live/events${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});
