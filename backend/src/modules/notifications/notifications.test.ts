import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';
import type { LiveEvent, NotificationEvent } from '@streamhouse/contract/events';
import { closeLiveEvents } from '../live/live-events.service.ts';
import { ingressEvent, postWebhook, roomEvent, signWebhook } from '../live/live.test-support.ts';

// Two instances, as in production: readers subscribe on one, LiveKit's webhooks arrive at the other.
const readerInstance = createApp();
const webhookInstance = createApp();
let server: http.Server;
let baseUrl: string;
const openStreams: http.ClientRequest[] = [];

beforeAll(async () => {
  server = readerInstance.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const stream of openStreams) stream.destroy();
  await closeLiveEvents();
  await new Promise((resolve) => server.close(resolve));
});

async function goLive(hostId: string) {
  await postWebhook(webhookInstance, await signWebhook(ingressEvent('ingress_started', hostId))).expect(200);
}
async function goOffline(hostId: string) {
  await postWebhook(webhookInstance, await signWebhook(ingressEvent('ingress_ended', hostId))).expect(200);
}

async function follow(agent: Awaited<ReturnType<typeof signedInAgent>>['agent'], username: string) {
  await agent.post(`/api/users/${username}/follow`).set('Origin', env.PUBLIC_URL).send({}).expect(200);
}

type Stream<Event> = { status: number; events: Event[]; next: () => Promise<Event> };

/** GET /api/live/events?notifications=only with a cookie, read like EventSource does. */
const openNotificationStream = (cookie?: string) => openEventStream<NotificationEvent>('only', cookie);

/** GET /api/live/events?notifications=<mode> with a cookie, read like EventSource does. */
function openEventStream<Event>(mode: 'only' | 'include', cookie?: string): Promise<Stream<Event>> {
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    const waiting: Array<(event: Event) => void> = [];
    let read = 0;
    const next = () =>
      new Promise<Event>((deliver) => {
        if (read < events.length) deliver(events[read++]!);
        else waiting.push(deliver);
      });
    const call = http.get(
      `${baseUrl}/api/live/events?notifications=${mode}`,
      { headers: cookie ? { cookie } : {} },
      (response) => {
        if (response.statusCode !== 200) {
          resolve({ status: response.statusCode ?? 0, events, next });
          response.resume();
          return;
        }
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          const messages = buffer.split('\n\n');
          buffer = messages.pop()!;
          for (const message of messages) {
            const data = message.split('\n').find((line) => line.startsWith('data: '));
            if (!data) continue;
            events.push(JSON.parse(data.slice(6)) as Event);
            const deliver = waiting.shift();
            if (deliver) deliver(events[read++]!);
          }
        });
        response.once('data', () => resolve({ status: 200, events, next }));
      },
    );
    call.on('error', reject);
    openStreams.push(call);
  });
}

/** The first event on the stream that matches, as soon as it has arrived. */
async function eventOn<Event>(stream: Stream<Event>, matches: (event: Event) => boolean): Promise<Event> {
  for (;;) {
    const found = stream.events.find(matches);
    if (found) return found;
    await stream.next();
  }
}

const countFor = (userId: string, hostId: string) => prisma.notification.count({ where: { userId, hostId } });

describe('go-live fan-out', () => {
  it('notifies every follower once per broadcast, however often the go-live is repeated', async () => {
    const host = await createTestUser('host');
    const fans = await Promise.all([signedInAgent(readerInstance, 'fan'), signedInAgent(readerInstance, 'fan')]);
    const bystander = await signedInAgent(readerInstance, 'bystander');
    for (const fan of fans) await follow(fan.agent, host.username);
    await prisma.stream.upsert({
      where: { userId: host.id },
      create: { userId: host.id, title: 'Speedrun night' },
      update: { title: 'Speedrun night' },
    });

    await goLive(host.id);
    // The same broadcast announced again (a second ingress event, a camera track) writes nothing more.
    await goLive(host.id);
    await postWebhook(webhookInstance, await signWebhook(roomEvent('track_published', host.id, host.id))).expect(200);
    for (const fan of fans) expect(await countFor(fan.user.id, host.id)).toBe(1);
    expect(await countFor(bystander.user.id, host.id)).toBe(0);

    const list = await fans[0]!.agent.get('/api/notifications').expect(200);
    expect(list.body.unreadCount).toBe(1);
    expect(list.body.notifications[0]).toMatchObject({
      kind: 'go_live',
      title: 'Speedrun night',
      host: { id: host.id, username: host.displayUsername },
      readAt: null,
    });

    // A new broadcast is a new notification.
    await goOffline(host.id);
    await goLive(host.id);
    expect(await countFor(fans[0]!.user.id, host.id)).toBe(2);
    const newest = (await fans[0]!.agent.get('/api/notifications').expect(200)).body;
    expect(newest.unreadCount).toBe(2);
    expect(Date.parse(newest.notifications[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(newest.notifications[1].createdAt));
    await goOffline(host.id);
  });

  it('leaves out followers who muted the creator, and anyone on either side of a block', async () => {
    const host = await signedInAgent(readerInstance, 'host');
    const [muter, blocked, blocker, fan] = await Promise.all(
      ['muter', 'blocked', 'blocker', 'fan'].map((prefix) => signedInAgent(readerInstance, prefix)),
    );
    for (const follower of [muter!, blocked!, blocker!, fan!]) await follow(follower.agent, host.user.username);

    const muted = await muter!.agent
      .put(`/api/notifications/mutes/${host.user.username}`)
      .set('Origin', env.PUBLIC_URL)
      .send({})
      .expect(200);
    expect(muted.body).toEqual({ muted: true });
    expect((await muter!.agent.get(`/api/notifications/mutes/${host.user.username}`).expect(200)).body).toEqual({ muted: true });
    await host.agent.post(`/api/users/${blocked!.user.username}/block`).set('Origin', env.PUBLIC_URL).send({}).expect(200);
    // A block row left beside a follow (e.g. written before follows were cleaned up) still keeps them out.
    await prisma.block.create({ data: { blockerId: blocker!.user.id, blockedId: host.user.id } });

    await goLive(host.user.id);
    expect(await countFor(muter!.user.id, host.user.id)).toBe(0);
    expect(await countFor(blocked!.user.id, host.user.id)).toBe(0);
    expect(await countFor(blocker!.user.id, host.user.id)).toBe(0);
    expect(await countFor(fan!.user.id, host.user.id)).toBe(1);
    await goOffline(host.user.id);

    // Unmuted, the next broadcast reaches them again.
    await muter!.agent
      .delete(`/api/notifications/mutes/${host.user.username}`)
      .set('Origin', env.PUBLIC_URL)
      .send({})
      .expect(200);
    await goLive(host.user.id);
    expect(await countFor(muter!.user.id, host.user.id)).toBe(1);
    await goOffline(host.user.id);
  });

  it('refuses muting yourself (400) and unknown creators (404)', async () => {
    const { agent, user } = await signedInAgent(readerInstance, 'self');
    expect((await agent.put(`/api/notifications/mutes/${user.username}`).set('Origin', env.PUBLIC_URL).send({})).status).toBe(
      400,
    );
    expect((await agent.put('/api/notifications/mutes/nobody_by_this_name').set('Origin', env.PUBLIC_URL).send({})).status).toBe(
      404,
    );
  });
});

describe('reading and marking', () => {
  it('marks one and then all read; only the owner can, anyone else gets 404 as for an unknown id', async () => {
    const host = await createTestUser('host');
    const owner = await signedInAgent(readerInstance, 'owner');
    const attacker = await signedInAgent(readerInstance, 'attacker');
    await follow(owner.agent, host.username);
    await follow(attacker.agent, host.username);
    await goLive(host.id);
    await goOffline(host.id);
    await goLive(host.id);

    const [first, second] = (await owner.agent.get('/api/notifications').expect(200)).body.notifications as Array<{ id: string }>;
    // The attacker cannot read it (their list holds only their own) nor mark it.
    const theirs = (await attacker.agent.get('/api/notifications').expect(200)).body.notifications as Array<{ id: string }>;
    expect(theirs.map((n) => n.id)).not.toContain(first!.id);
    const attack = await attacker.agent.post(`/api/notifications/${first!.id}/read`).set('Origin', env.PUBLIC_URL).send({});
    expect(attack.status).toBe(404);
    expect(attack.body.code).toBe('NOT_FOUND');
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: first!.id } })).readAt).toBeNull();
    expect(
      (await request(readerInstance).post(`/api/notifications/${first!.id}/read`).set('Origin', env.PUBLIC_URL).send({})).status,
    ).toBe(401);
    expect((await owner.agent.post('/api/notifications/not-a-uuid/read').set('Origin', env.PUBLIC_URL).send({})).status).toBe(
      400,
    );

    const marked = await owner.agent
      .post(`/api/notifications/${first!.id}/read`)
      .set('Origin', env.PUBLIC_URL)
      .send({})
      .expect(200);
    expect(marked.body).toEqual({ unreadCount: 1 });
    // Again: still fine, nothing changes.
    await owner.agent.post(`/api/notifications/${first!.id}/read`).set('Origin', env.PUBLIC_URL).send({}).expect(200);
    expect(
      (await owner.agent.post('/api/notifications/read-all').set('Origin', env.PUBLIC_URL).send({}).expect(200)).body,
    ).toEqual({ unreadCount: 0 });
    const after = (await owner.agent.get('/api/notifications').expect(200)).body;
    expect(after.unreadCount).toBe(0);
    expect(after.notifications.find((n: { id: string }) => n.id === second!.id).readAt).not.toBeNull();
    // The attacker's own stay unread.
    expect((await attacker.agent.get('/api/notifications').expect(200)).body.unreadCount).toBe(2);
    await goOffline(host.id);
  });

  it('pages newest first with `before`', async () => {
    const host = await createTestUser('host');
    const reader = await signedInAgent(readerInstance, 'reader');
    await follow(reader.agent, host.username);
    for (let round = 0; round < 3; round++) {
      await goLive(host.id);
      await goOffline(host.id);
    }
    const page1 = (await reader.agent.get('/api/notifications?limit=2').expect(200)).body;
    expect(page1.notifications).toHaveLength(2);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = (
      await reader.agent.get(`/api/notifications?limit=2&before=${encodeURIComponent(page1.nextBefore)}`).expect(200)
    ).body;
    expect(page2.notifications).toHaveLength(1);
    expect(page2.nextBefore).toBeNull();
  });
});

describe('live delivery on the event stream', () => {
  it("pushes a notification to its owner's connections only (another instance raised it); guests cannot subscribe", async () => {
    const host = await createTestUser('host');
    const fan = await signedInAgent(readerInstance, 'fan');
    const other = await signedInAgent(readerInstance, 'other');
    await follow(fan.agent, host.username);

    expect((await openNotificationStream()).status).toBe(401);
    const fanStream = await openNotificationStream(fan.cookie);
    const fanSecondTab = await openNotificationStream(fan.cookie);
    const otherStream = await openNotificationStream(other.cookie);

    await goLive(host.id);
    const event = await fanStream.next();
    expect(event).toMatchObject({
      type: 'notification',
      unreadCount: 1,
      notification: { kind: 'go_live', host: { id: host.id } },
    });
    expect((await fanSecondTab.next()).notification.id).toBe(event.notification.id);
    // The other user follows nobody: wait for a go-live they DO get, then check nothing else came first.
    const elsewhere = await createTestUser('elsewhere');
    await follow(other.agent, elsewhere.username);
    await goLive(elsewhere.id);
    expect((await otherStream.next()).notification.host.id).toBe(elsewhere.id);
    expect(otherStream.events.map((e) => e.notification.host.id)).not.toContain(host.id);
    expect(fanStream.events.map((e) => e.notification.host.id)).not.toContain(elsewhere.id);
    await goOffline(host.id);
    await goOffline(elsewhere.id);
  });

  it("carries live events for everyone and, on the same connection, only the signed-in caller's own notifications", async () => {
    const host = await createTestUser('host');
    const fan = await signedInAgent(readerInstance, 'fan');
    const other = await signedInAgent(readerInstance, 'other');
    await follow(fan.agent, host.username);
    type Event = LiveEvent | NotificationEvent;
    const [guestStream, fanStream, otherStream] = await Promise.all([
      openEventStream<Event>('include'),
      openEventStream<Event>('include', fan.cookie),
      openEventStream<Event>('include', other.cookie),
    ]);
    expect([guestStream.status, fanStream.status, otherStream.status]).toEqual([200, 200, 200]);

    await goLive(host.id);
    const wentLive = (stream: Stream<Event>) =>
      eventOn(stream, (event) => event.type === 'stream.live' && event.hostId === host.id);
    await Promise.all([wentLive(guestStream), wentLive(fanStream), wentLive(otherStream)]);
    const notified = await eventOn(fanStream, (event) => event.type === 'notification' && event.notification.host.id === host.id);
    expect(notified).toMatchObject({ type: 'notification', notification: { kind: 'go_live' } });
    // The same go-live as a live event reached all three; its notification only the fan.
    const notifications = (stream: Stream<Event>) => stream.events.filter((event) => event.type === 'notification');
    expect(notifications(guestStream)).toEqual([]);
    expect(notifications(otherStream)).toEqual([]);
    await goOffline(host.id);
  });
});
