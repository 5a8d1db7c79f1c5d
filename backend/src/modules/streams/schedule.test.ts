import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import { closeLiveEvents } from '../live/live-events.service.ts';
import { ingressEvent, postWebhook, signWebhook } from '../live/live.test-support.ts';

const app = createApp();
afterAll(async () => {
  await closeLiveEvents();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const goLive = async (hostId: string) => postWebhook(app, await signWebhook(ingressEvent('ingress_started', hostId))).expect(200);
const goOffline = async (hostId: string) =>
  postWebhook(app, await signWebhook(ingressEvent('ingress_ended', hostId))).expect(200);

describe('scheduled streams', () => {
  it('sets a next stream in the future, shows it on the channel and in Upcoming, and cancels it', async () => {
    const { agent, user } = await signedInAgent(app, 'planner');
    const startsAt = inHours(26);
    const set = await agent
      .put('/api/stream/schedule')
      .send({ startsAt, title: 'Q&A night', category: 'just-chatting' })
      .expect(200);
    expect(set.body).toEqual({
      schedule: { startsAt, title: 'Q&A night', category: { slug: 'just-chatting', name: 'Just Chatting' } },
    });
    expect((await agent.get('/api/stream/schedule').expect(200)).body).toEqual(set.body);

    const channel = await request(app).get(`/api/viewer/stream/${user.username}/schedule`).expect(200);
    expect(channel.body).toMatchObject({ hostId: user.id, schedule: set.body.schedule, reminded: false });
    const upcoming = await request(app).get('/api/viewer/upcoming?limit=50').expect(200);
    expect(upcoming.body.items.find((card: { hostId: string }) => card.hostId === user.id)?.schedule).toEqual(set.body.schedule);

    expect((await agent.delete('/api/stream/schedule').expect(200)).body).toEqual({ schedule: null });
    expect((await request(app).get(`/api/viewer/stream/${user.username}/schedule`)).body.schedule).toBeNull();
  });

  it.each([
    ['a time in the past', { startsAt: new Date(Date.now() - 60_000).toISOString(), title: 'Too late' }, 'startsAt'],
    ['a time more than 90 days ahead', { startsAt: inHours(24 * 91), title: 'Far away' }, 'startsAt'],
    ['a time that is not a date', { startsAt: 'tomorrow', title: 'Soon' }, 'startsAt'],
    ['an empty title', { startsAt: inHours(2), title: '   ' }, 'title'],
    ['a title with control characters', { startsAt: inHours(2), title: 'bad\u0007title' }, 'title'],
    ['an unknown category', { startsAt: inHours(2), title: 'Fine', category: 'nope' }, 'category'],
  ])('refuses %s with 400', async (_case, body, path) => {
    const { agent } = await signedInAgent(app, 'badplan');
    const response = await agent.put('/api/stream/schedule').send(body);
    expect(response.status).toBe(400);
    expect(response.body.fields.map((field: { path: string }) => field.path)).toContain(path);
    expect((await agent.get('/api/stream/schedule')).body).toEqual({ schedule: null });
  });

  it('is cleared when the creator goes live after its time; a schedule still ahead stays', async () => {
    const { agent, user } = await signedInAgent(app, 'ontime');
    await agent
      .put('/api/stream/schedule')
      .send({ startsAt: inHours(3), title: 'Later today' })
      .expect(200);
    // Going live early keeps the announcement.
    await goLive(user.id);
    expect((await agent.get('/api/stream/schedule')).body.schedule).not.toBeNull();
    await goOffline(user.id);
    // Its time passes (moved straight in the table, before the test clock's webhook times), then the creator goes live: cleared.
    await prisma.stream.update({ where: { userId: user.id }, data: { scheduledAt: new Date(Date.now() - 30 * 60_000) } });
    await goLive(user.id);
    expect(
      await prisma.stream.findUniqueOrThrow({ where: { userId: user.id }, select: { scheduledAt: true, scheduledTitle: true } }),
    ).toEqual({
      scheduledAt: null,
      scheduledTitle: null,
    });
    await goOffline(user.id);
  });

  it('"Remind me" notifies a non-follower once when the creator goes live, and is used up then', async () => {
    const host = await signedInAgent(app, 'host');
    const fan = await signedInAgent(app, 'reminded');
    const both = await signedInAgent(app, 'both');
    await host.agent
      .put('/api/stream/schedule')
      .send({ startsAt: inHours(1), title: 'Launch' })
      .expect(200);
    expect((await fan.agent.put(`/api/notifications/reminders/${host.user.username}`).send({}).expect(200)).body).toEqual({
      reminded: true,
    });
    expect((await fan.agent.get(`/api/viewer/stream/${host.user.username}/schedule`)).body.reminded).toBe(true);
    await both.agent.post(`/api/users/${host.user.username}/follow`).send({}).expect(200);
    await both.agent.put(`/api/notifications/reminders/${host.user.username}`).send({}).expect(200);
    expect((await host.agent.put(`/api/notifications/reminders/${host.user.username}`).send({})).status).toBe(400);
    expect((await request(app).put(`/api/notifications/reminders/${host.user.username}`).send({})).status).toBe(401);

    await goLive(host.user.id);
    const fanList = (await fan.agent.get('/api/notifications').expect(200)).body;
    expect(fanList.notifications).toHaveLength(1);
    expect(fanList.notifications[0]).toMatchObject({ kind: 'reminder', host: { id: host.user.id } });
    // A follower who also asked for a reminder gets one notification, not two.
    expect((await both.agent.get('/api/notifications').expect(200)).body.notifications).toHaveLength(1);
    expect(await prisma.streamReminder.count({ where: { hostId: host.user.id } })).toBe(0);
    await goOffline(host.user.id);
    await goLive(host.user.id);
    expect((await fan.agent.get('/api/notifications').expect(200)).body.notifications).toHaveLength(1);
    await goOffline(host.user.id);
  });

  it('offers the next stream as an .ics calendar event; 404 when nothing is announced', async () => {
    const { agent, user } = await signedInAgent(app, 'calendar');
    expect((await request(app).get(`/api/viewer/stream/${user.username}/schedule.ics`)).status).toBe(404);
    const startsAt = '2099-01-01T18:30:00.000Z';
    await prisma.stream.upsert({
      where: { userId: user.id },
      create: { userId: user.id, scheduledAt: new Date(startsAt), scheduledTitle: 'Cooking; with, commas' },
      update: { scheduledAt: new Date(startsAt), scheduledTitle: 'Cooking; with, commas' },
    });
    void agent;
    const response = await request(app).get(`/api/viewer/stream/${user.username}/schedule.ics`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toContain('.ics');
    const text = response.text;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('DTSTART:20990101T183000Z\r\n');
    expect(text).toContain('DTEND:20990101T193000Z\r\n');
    expect(text).toContain('Cooking\\; with\\, commas');
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});
