/**
 * The cross-feature privacy matrix: every private thing × every route that could expose or act on it × every
 * caller, from one table (privacy-table.ts). Each cell asserts the exact answer and the rule that gave it
 * (`403 PRIVATE`, not just 403), so a cell cannot pass because some other rule refused first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Caller, PrivacyRow as Row, PrivacyWorld as World } from './privacy-table.ts';

// Creator approval is required in this world (the config is read once, at import: hence the dynamic imports).
process.env.REQUIRE_CREATOR_APPROVAL = 'true';
const { createApp } = await import('../app.ts');
const { apis } = await import('../api.ts');
const { prisma } = await import('../lib/prisma.ts');
const { signedInAgent } = await import('../test/fixtures.ts');
const { hlsReplay, recordedBroadcast } = await import('../modules/recordings/recordings.test-support.ts');
const { roomChanged } = await import('../modules/chat/chat-settings.service.ts');
const { relationChanged } = await import('../modules/social/social.service.ts');
const { signWebhook, ingressEvent, roomEvent } = await import('../modules/live/live.test-support.ts');
const { closeLiveEvents } = await import('../modules/live/live-events.service.ts');
const { CALLERS, EXPOSES_NOTHING_PRIVATE, PRIVACY_ROWS, RESTREAM_KEY, SECRET } = await import('./privacy-table.ts');

const app = createApp();
let world: World;

/** A finished broadcast of `hostId` with SECRET said in its chat while it ran; returns its replay id. */
async function broadcastWithSecret(hostId: string): Promise<string> {
  const { replayId, startedAt } = await recordedBroadcast(hostId);
  await prisma.chatMessage.create({
    data: {
      hostId,
      senderIdentity: hostId,
      senderUserId: hostId,
      senderName: 'host',
      color: '#f87171',
      body: SECRET,
      createdAt: new Date(startedAt.getTime() + 10_000),
    },
  });
  // The live chat history starts where this broadcast ended (the room is read afresh).
  await roomChanged(hostId);
  return replayId;
}

beforeAll(async () => {
  const [everyone, followersOnly, onlyMe, declined, viewer, follower, blocked] = await Promise.all(
    ['pub', 'fans', 'solo', 'declined', 'viewer', 'follower', 'blocked'].map((prefix) => signedInAgent(app, prefix)),
  );
  const hosts = { everyone: everyone!, followersOnly: followersOnly!, onlyMe: onlyMe!, declined: declined! };
  for (const host of [everyone!, followersOnly!, onlyMe!]) {
    await prisma.user.update({ where: { id: host.user.id }, data: { creatorApproved: true } });
    await prisma.follow.create({ data: { followerId: follower!.user.id, followingId: host.user.id } });
    await prisma.block.create({ data: { blockerId: host.user.id, blockedId: blocked!.user.id } });
    await relationChanged(host.user.id, follower!.user.id);
    await relationChanged(host.user.id, blocked!.user.id);
  }
  await followersOnly!.agent.put('/api/recordings/settings').send({ visibility: 'FOLLOWERS' }).expect(200);
  await onlyMe!.agent.put('/api/recordings/settings').send({ visibility: 'ONLY_ME' }).expect(200);
  // The declined creator asked, and an admin said no.
  await prisma.creatorRequest.create({
    data: { userId: declined!.user.id, status: 'DECLINED', reason: 'Not yet', decidedAt: new Date() },
  });

  const replays = {
    everyone: await broadcastWithSecret(everyone!.user.id),
    followersOnly: await broadcastWithSecret(followersOnly!.user.id),
    onlyMe: await broadcastWithSecret(onlyMe!.user.id),
  };
  const hlsReplays = {
    everyone: await hlsReplay(everyone!.user.id),
    followersOnly: await hlsReplay(followersOnly!.user.id),
    onlyMe: await hlsReplay(onlyMe!.user.id),
  };
  const spareReplayId = (await recordedBroadcast(onlyMe!.user.id)).replayId;
  const restreamDestinationId = (
    await onlyMe!.agent
      .post('/api/restream/destinations')
      .send({ name: 'Twitch', url: 'rtmp://live.twitch.tv/app', streamKey: RESTREAM_KEY })
      .expect(201)
  ).body.id as string;
  const deletedReplayId = await broadcastWithSecret(everyone!.user.id);
  await everyone!.agent.delete(`/api/recordings/replays/${deletedReplayId}`).expect(204);
  // The channel has announced its next stream (its schedule and calendar file).
  await everyone!.agent
    .put('/api/stream/schedule')
    .send({ startsAt: new Date(Date.now() + 86_400_000).toISOString(), title: 'Next one' })
    .expect(200);

  const { sessionId } = await prisma.replay.findUniqueOrThrow({ where: { id: replays.onlyMe }, select: { sessionId: true } });
  const notification = await prisma.notification.create({
    data: {
      userId: onlyMe!.user.id,
      hostId: everyone!.user.id,
      sessionId: (await prisma.replay.findUniqueOrThrow({ where: { id: replays.everyone } })).sessionId,
      title: 'Live',
    },
  });
  const upload = await onlyMe!.agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG).expect(201);

  world = {
    hosts,
    members: { viewer: viewer!, follower: follower!, blocked: blocked! },
    replays,
    hlsReplays,
    spareReplayId,
    restreamDestinationId,
    deletedReplayId,
    notificationId: notification.id,
    uploadUrl: upload.body.url,
    sessionId,
    goLiveWebhook: (host, event) =>
      signWebhook(event === 'ingress_started' ? ingressEvent(event, host.user.id) : roomEvent(event, host.user.id, host.user.id)),
  };
});

afterAll(async () => {
  await closeLiveEvents();
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** What `caller` gets for the row's request: the status and the rule behind a refusal, or what `observe` reads. */
async function answer(row: Row, caller: Caller): Promise<string> {
  const account = caller === 'anonymous' ? undefined : caller === 'owner' ? world.hosts[row.host] : world.members[caller];
  const cell = await row.call(world, { username: account?.user.username });
  const agent = account ? account.agent : request(app);
  const call = (agent as ReturnType<typeof request>)[cell.method](cell.path);
  if (cell.headers) call.set(cell.headers);
  const response = await (cell.body === undefined ? call : call.send(cell.body as object));
  if (response.status >= 400) {
    const body = (response.body ?? {}) as { reason?: string; code?: string };
    return `${response.status} ${body.reason ?? body.code ?? '?'}`;
  }
  return cell.observe
    ? cell.observe({ status: response.status, body: response.body, text: response.text ?? '' })
    : String(response.status);
}

describe('privacy matrix: every private thing × every route that could expose it × every caller', () => {
  it.each(PRIVACY_ROWS.map((row) => [`${row.thing} · ${row.route}`, row] as const))('%s', async (_name, row) => {
    const answers: Partial<Record<Caller, string>> = {};
    for (const caller of CALLERS) answers[caller] = await answer(row, caller);
    expect(answers).toEqual(row.expect);
  });

  it('lists every declared route, in a row or with the reason it exposes nothing private', () => {
    const covered = new Set(PRIVACY_ROWS.map((row) => row.route));
    const declared = apis.flatMap((api) => api.routes).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(declared.filter((route) => !covered.has(route) && !(route in EXPOSES_NOTHING_PRIVATE))).toEqual([]);
    expect(Object.keys(EXPOSES_NOTHING_PRIVATE).filter((route) => !declared.includes(route) || covered.has(route))).toEqual([]);
  });
});
