import type { JoinToken } from '../modules/chat/chat.test-support.ts';
import type { signedInAgent } from '../test/fixtures.ts';
import { env } from '../config/env.ts';
import { prisma } from '../lib/prisma.ts';
import { recordedBroadcast } from '../modules/recordings/recordings.test-support.ts';
import { roomChanged } from '../modules/chat/chat-settings.service.ts';
import { relationChanged } from '../modules/social/social.service.ts';

/** The restores below write rows directly: tell the per-instance caches, as the services do. */
async function forgetRelations(world: World): Promise<void> {
  const hostId = world.host.user.id;
  await Promise.all(Object.values(world.members).map((member) => relationChanged(hostId, member.user.id)));
}

/**
 * Every route of the API as the callers see it, with who may call it: the table the authorization matrix
 * (authorization-matrix.test.ts) checks cell by cell, and the route list the fuzz test (fuzz.test.ts) attacks.
 */

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const ROLES = [
  'anonymous',
  'guest',
  'viewer',
  'follower',
  'blocked',
  'bannedGuest',
  'timedOut',
  'moderator',
  'blockedModerator',
  'owner',
] as const;
export type Role = (typeof ROLES)[number];
/** What a caller gets: `200`, or a refusal with the rule behind it, `403 BLOCKED` (the body's `reason`, else `code`). */
export type Answers = Record<Role, string>;

export type Agent = Awaited<ReturnType<typeof signedInAgent>>;
export type World = {
  host: Agent;
  members: Record<'viewer' | 'follower' | 'blocked' | 'timedOut' | 'moderator' | 'blockedModerator', Agent>;
  guest: JoinToken;
  bannedGuest: JoinToken;
  /** A message in the host's chat, a fresh one per cell that needs one. */
  message: () => Promise<string>;
  uploadUrl: string;
  /** The host's restream destination. */
  restreamDestinationId: string;
  /** A finished broadcast of the host's, watchable by everyone the host has not blocked. */
  replayId: string;
  /** The host's replay recorded as HLS: its id and a segment's name. */
  hlsReplay: { id: string; segment: string };
};

export type Cell = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: unknown;
  contentType?: string;
  stream?: boolean;
};
export type Row = {
  route: string;
  call: (world: World) => Promise<Cell> | Cell;
  expect: Answers;
  /** Undo what a successful call changed, so the next cell starts from the same world. */
  restore?: (world: World) => Promise<unknown>;
};

const SIGN_IN = '401 UNAUTHENTICATED';
const BLOCKED = '403 BLOCKED';
const NOT_MODERATOR = '403 NOT_MODERATOR';
/** Refused as if the thing did not exist (someone else's notification, replay or broadcast): no way to tell. */
const NOT_FOUND = '404 NOT_FOUND';

/** Same answer for everyone. */
const all = (answer: string): Answers => Object.fromEntries(ROLES.map((role) => [role, answer])) as Answers;
/** Signed-in callers get `answer`; anonymous callers and guests (no account) are told to sign in. */
const members = (answer: string, overrides: Partial<Answers> = {}): Answers => ({
  ...all(answer),
  anonymous: SIGN_IN,
  guest: SIGN_IN,
  bannedGuest: SIGN_IN,
  ...overrides,
});

export const ROWS: Row[] = [
  { route: 'GET /health', call: () => ({ method: 'get', path: '/health' }), expect: all('200') },
  { route: 'GET /ready', call: () => ({ method: 'get', path: '/ready' }), expect: all('200') },
  { route: 'GET /api/auth/get-session', call: () => ({ method: 'get', path: '/api/auth/get-session' }), expect: all('200') },

  // ── Viewing
  {
    route: 'GET /api/viewer/stream/:username',
    call: (w) => ({ method: 'get', path: `/api/viewer/stream/${w.host.user.username}` }),
    expect: all('200'),
  },
  { route: 'GET /api/viewer/live', call: () => ({ method: 'get', path: '/api/viewer/live' }), expect: all('200') },
  { route: 'GET /api/viewer/following', call: () => ({ method: 'get', path: '/api/viewer/following' }), expect: members('200') },
  { route: 'GET /api/viewer/recommended', call: () => ({ method: 'get', path: '/api/viewer/recommended' }), expect: all('200') },
  { route: 'GET /api/viewer/search', call: () => ({ method: 'get', path: '/api/viewer/search?q=matrix' }), expect: all('200') },
  {
    route: 'POST /api/viewer/token',
    call: (w) => ({ method: 'post', path: '/api/viewer/token', body: { hostId: w.host.user.id } }),
    // Blocked users (and blocked moderators) may not watch; a banned guest's network gets no new pass.
    expect: { ...all('200'), blocked: BLOCKED, blockedModerator: BLOCKED, bannedGuest: '403 BANNED' },
  },
  {
    route: 'GET /api/live/events',
    call: (w) => ({ method: 'get', path: `/api/live/events?hostId=${w.host.user.id}`, stream: true }),
    expect: all('200'),
  },

  // ── A creator's own stream: every signed-in user has one, so each acts on their own.
  { route: 'GET /api/stream/info', call: () => ({ method: 'get', path: '/api/stream/info' }), expect: members('200') },
  {
    route: 'PUT /api/stream/info',
    call: () => ({ method: 'put', path: '/api/stream/info', body: { title: 'Matrix' } }),
    expect: members('200'),
  },
  { route: 'GET /api/stream/status', call: () => ({ method: 'get', path: '/api/stream/status' }), expect: members('200') },
  {
    route: 'GET /api/stream/credentials',
    call: () => ({ method: 'get', path: '/api/stream/credentials' }),
    expect: members('200'),
  },
  {
    route: 'GET /api/stream/eligibility',
    call: () => ({ method: 'get', path: '/api/stream/eligibility' }),
    expect: members('200'),
  },
  {
    route: 'POST /api/stream/publisher-token',
    call: () => ({ method: 'post', path: '/api/stream/publisher-token', body: {} }),
    expect: members('200'),
  },
  {
    route: 'POST /api/stream/creator-token',
    call: () => ({ method: 'post', path: '/api/stream/creator-token', body: {} }),
    expect: members('200'),
  },
  {
    route: 'GET /api/stream/chat-settings',
    call: () => ({ method: 'get', path: '/api/stream/chat-settings' }),
    expect: members('200'),
  },
  {
    route: 'PUT /api/stream/chat-settings',
    call: () => ({
      method: 'put',
      path: '/api/stream/chat-settings',
      body: { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0 },
    }),
    expect: members('200'),
  },
  {
    route: 'POST /api/stream/ingress',
    call: () => ({ method: 'post', path: '/api/stream/ingress', body: { type: 'WHIP' } }),
    expect: members('201'),
  },
  {
    route: 'DELETE /api/stream/ingress',
    call: () => ({ method: 'delete', path: '/api/stream/ingress' }),
    expect: members('204'),
  },
  {
    route: 'GET /api/analytics/sessions',
    call: () => ({ method: 'get', path: '/api/analytics/sessions' }),
    expect: members('200'),
  },

  // Reads the caller's own ingress from LiveKit: there is no id to ask for someone else's.
  { route: 'GET /api/stream/health', call: () => ({ method: 'get', path: '/api/stream/health' }), expect: members('200') },
  // ── Profiles and relations, aimed at the host
  {
    route: 'GET /api/users/:username',
    call: (w) => ({ method: 'get', path: `/api/users/${w.host.user.username}` }),
    expect: all('200'),
  },
  {
    route: 'PATCH /api/users/:username',
    call: (w) => ({ method: 'patch', path: `/api/users/${w.host.user.username}`, body: { bio: 'Matrix' } }),
    expect: members('403 NOT_OWNER', { owner: '200' }),
  },
  {
    route: 'POST /api/users/:username/follow',
    call: (w) => ({ method: 'post', path: `/api/users/${w.host.user.username}/follow`, body: {} }),
    expect: members('200', { blocked: BLOCKED, blockedModerator: BLOCKED, owner: '400 SELF' }),
    restore: async (w) => {
      await prisma.follow.deleteMany({ where: { followingId: w.host.user.id, followerId: { not: w.members.follower.user.id } } });
      await forgetRelations(w);
    },
  },
  {
    route: 'DELETE /api/users/:username/follow',
    call: (w) => ({ method: 'delete', path: `/api/users/${w.host.user.username}/follow`, body: {} }),
    expect: members('200'),
    restore: async (w) => {
      await prisma.follow.createMany({
        data: [{ followerId: w.members.follower.user.id, followingId: w.host.user.id }],
        skipDuplicates: true,
      });
      await forgetRelations(w);
    },
  },
  {
    route: 'POST /api/users/:username/block',
    call: (w) => ({ method: 'post', path: `/api/users/${w.host.user.username}/block`, body: {} }),
    expect: members('200', { owner: '400 SELF' }),
    restore: async (w) => {
      await prisma.block.deleteMany({ where: { blockedId: w.host.user.id } });
      await prisma.follow.createMany({
        data: [{ followerId: w.members.follower.user.id, followingId: w.host.user.id }],
        skipDuplicates: true,
      });
      await forgetRelations(w);
    },
  },
  {
    route: 'DELETE /api/users/:username/block',
    call: (w) => ({ method: 'delete', path: `/api/users/${w.host.user.username}/block`, body: {} }),
    expect: members('200'),
  },
  {
    route: 'GET /api/users/:username/following',
    call: (w) => ({ method: 'get', path: `/api/users/${w.host.user.username}/following` }),
    expect: members('403 NOT_OWNER', { owner: '200' }),
  },
  {
    route: 'GET /api/users/:username/blocked',
    call: (w) => ({ method: 'get', path: `/api/users/${w.host.user.username}/blocked` }),
    expect: members('403 NOT_OWNER', { owner: '200' }),
  },
  {
    route: 'GET /api/analytics/sessions/:sessionId',
    // The host's recorded broadcast: only the host sees its charts; for anyone else it does not exist.
    call: async (w) => {
      const { sessionId } = await prisma.replay.findUniqueOrThrow({ where: { id: w.replayId }, select: { sessionId: true } });
      return { method: 'get', path: `/api/analytics/sessions/${sessionId}` };
    },
    expect: members(NOT_FOUND, { owner: '200' }),
  },

  // ── Uploads
  {
    route: 'POST /api/uploads',
    call: () => ({ method: 'post', path: '/api/uploads', body: PNG, contentType: 'application/octet-stream' }),
    expect: members('201'),
  },
  { route: 'GET /api/uploads/:id', call: (w) => ({ method: 'get', path: w.uploadUrl }), expect: all('200') },

  // ── The host's chat
  {
    route: 'GET /api/chat/:hostId/state',
    call: (w) => ({ method: 'get', path: `/api/chat/${w.host.user.id}/state` }),
    // Someone the creator blocked reads none of the channel's chat, like its video and replays.
    expect: { ...all('200'), blocked: BLOCKED, blockedModerator: BLOCKED },
  },
  {
    route: 'GET /api/chat/:hostId/messages',
    call: (w) => ({ method: 'get', path: `/api/chat/${w.host.user.id}/messages` }),
    // Someone the creator blocked reads none of the channel's chat, like its video and replays.
    expect: { ...all('200'), blocked: BLOCKED, blockedModerator: BLOCKED },
  },
  {
    route: 'POST /api/chat/:hostId/messages',
    call: (w) => ({ method: 'post', path: `/api/chat/${w.host.user.id}/messages`, body: { body: 'matrix' } }),
    expect: {
      ...all('201'),
      anonymous: SIGN_IN,
      blocked: BLOCKED,
      bannedGuest: '403 BANNED',
      timedOut: '403 TIMED_OUT',
      blockedModerator: BLOCKED,
    },
  },
  {
    route: 'POST /api/chat/:hostId/reactions',
    call: (w) => ({ method: 'post', path: `/api/chat/${w.host.user.id}/reactions`, body: { reaction: 'fire' } }),
    expect: {
      ...all('202'),
      anonymous: SIGN_IN,
      blocked: BLOCKED,
      bannedGuest: '403 BANNED',
      timedOut: '403 TIMED_OUT',
      blockedModerator: BLOCKED,
    },
  },
  {
    route: 'DELETE /api/chat/:hostId/messages/:messageId',
    call: async (w) => ({ method: 'delete', path: `/api/chat/${w.host.user.id}/messages/${await w.message()}` }),
    expect: members(NOT_MODERATOR, { moderator: '200', owner: '200' }),
  },
  {
    route: 'POST /api/chat/:hostId/clear',
    call: (w) => ({ method: 'post', path: `/api/chat/${w.host.user.id}/clear`, body: {} }),
    expect: members(NOT_MODERATOR, { moderator: '200', owner: '200' }),
  },
  {
    route: 'PUT /api/chat/:hostId/pin',
    call: async (w) => ({ method: 'put', path: `/api/chat/${w.host.user.id}/pin`, body: { messageId: await w.message() } }),
    expect: members(NOT_MODERATOR, { moderator: '200', owner: '200' }),
  },
  {
    route: 'DELETE /api/chat/:hostId/pin',
    call: (w) => ({ method: 'delete', path: `/api/chat/${w.host.user.id}/pin` }),
    expect: members(NOT_MODERATOR, { moderator: '200', owner: '200' }),
  },
  {
    route: 'POST /api/chat/:hostId/timeouts',
    call: (w) => ({
      method: 'post',
      path: `/api/chat/${w.host.user.id}/timeouts`,
      body: { identity: w.members.viewer.user.id, minutes: 1 },
    }),
    expect: members(NOT_MODERATOR, { moderator: '201', owner: '201' }),
    restore: async (w) => {
      await prisma.chatSanction.deleteMany({ where: { hostId: w.host.user.id, identity: w.members.viewer.user.id } });
      await roomChanged(w.host.user.id);
    },
  },
  {
    route: 'POST /api/chat/:hostId/bans',
    call: (w) => ({ method: 'post', path: `/api/chat/${w.host.user.id}/bans`, body: { identity: w.guest.identity } }),
    expect: members(NOT_MODERATOR, { moderator: '201', owner: '201' }),
    restore: async (w) => {
      await prisma.chatSanction.deleteMany({ where: { hostId: w.host.user.id, identity: w.guest.identity } });
      await roomChanged(w.host.user.id);
    },
  },
  {
    route: 'GET /api/chat/:hostId/moderators',
    call: (w) => ({ method: 'get', path: `/api/chat/${w.host.user.id}/moderators` }),
    expect: members('403 NOT_OWNER', { owner: '200' }),
  },
  {
    route: 'POST /api/chat/:hostId/moderators',
    call: (w) => ({
      method: 'post',
      path: `/api/chat/${w.host.user.id}/moderators`,
      body: { userId: w.members.moderator.user.id },
    }),
    expect: members('403 NOT_OWNER', { owner: '201' }),
  },
  {
    route: 'DELETE /api/chat/:hostId/moderators/:userId',
    call: (w) => ({ method: 'delete', path: `/api/chat/${w.host.user.id}/moderators/${w.members.viewer.user.id}` }),
    expect: members('403 NOT_OWNER', { owner: '200' }),
  },

  // ── Replays: the watch rules (blocks) apply; visibility is everyone unless the creator narrows it
  {
    route: 'GET /api/recordings/channels/:username/replays',
    call: (w) => ({ method: 'get', path: `/api/recordings/channels/${w.host.user.username}/replays` }),
    // Blocked callers get 200 with `locked` (the profile explains why the list is empty).
    expect: all('200'),
  },
  ...(['', '/media', '/thumbnail.jpg', '/chat'] as const).map((suffix): Row => ({
    route: `GET /api/recordings/replays/:id${suffix}`,
    call: (w) => ({ method: 'get', path: `/api/recordings/replays/${w.replayId}${suffix}` }),
    expect: { ...all('200'), blocked: BLOCKED, blockedModerator: BLOCKED },
  })),
  ...(['index.m3u8', ':segment'] as const).map((file): Row => ({
    route: `GET /api/recordings/replays/:id/hls/${file}`,
    call: (w) => ({
      method: 'get',
      path: `/api/recordings/replays/${w.hlsReplay.id}/hls/${file === ':segment' ? w.hlsReplay.segment : file}`,
    }),
    expect: { ...all('200'), blocked: BLOCKED, blockedModerator: BLOCKED },
  })),
  ...(['index.m3u8', ':segment'] as const).map((file): Row => ({
    route: `GET /api/recordings/channels/:username/live/${file}`,
    call: (w) => ({
      method: 'get',
      path: `/api/recordings/channels/${w.host.user.username}/live/${file === ':segment' ? 'p-0123456789ab_00000.ts' : file}`,
    }),
    // Not live, so there is no HLS; blocked callers are refused before that is looked at.
    expect: { ...all(NOT_FOUND), blocked: BLOCKED, blockedModerator: BLOCKED },
  })),
  {
    route: 'GET /api/recordings/channels/:username/snapshot.jpg',
    call: (w) => ({ method: 'get', path: `/api/recordings/channels/${w.host.user.username}/snapshot.jpg?v=0` }),
    // Not live, so there is no picture; blocked callers are refused before that is looked at.
    expect: { ...all(NOT_FOUND), blocked: BLOCKED, blockedModerator: BLOCKED },
  },
  {
    route: 'GET /api/recordings/settings',
    call: () => ({ method: 'get', path: '/api/recordings/settings' }),
    expect: members('200'),
  },
  {
    route: 'PUT /api/recordings/settings',
    // Each caller changes their own settings (to what they already are).
    call: () => ({ method: 'put', path: '/api/recordings/settings', body: { visibility: 'EVERYONE' } }),
    expect: members('200'),
  },
  { route: 'GET /api/recordings/mine', call: () => ({ method: 'get', path: '/api/recordings/mine' }), expect: members('200') },
  {
    route: 'DELETE /api/recordings/replays/:id',
    call: (w) => ({ method: 'delete', path: `/api/recordings/replays/${w.replayId}` }),
    expect: members(NOT_FOUND, { owner: '204' }),
    restore: async (w) => {
      w.replayId = (await recordedBroadcast(w.host.user.id)).replayId;
    },
  },

  // ── Restream: a creator's own destinations only (another's answers 404, as if it did not exist)
  {
    route: 'GET /api/restream/destinations',
    call: () => ({ method: 'get', path: '/api/restream/destinations' }),
    expect: members('200'),
  },
  {
    route: 'POST /api/restream/destinations',
    call: () => ({
      method: 'post',
      path: '/api/restream/destinations',
      body: { name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'abcd-efgh-ijkl' },
    }),
    expect: members('201'),
  },
  {
    route: 'PATCH /api/restream/destinations/:id',
    call: (w) => ({ method: 'patch', path: `/api/restream/destinations/${w.restreamDestinationId}`, body: { enabled: false } }),
    expect: members(NOT_FOUND, { owner: '200' }),
  },
  {
    route: 'DELETE /api/restream/destinations/:id',
    call: (w) => ({ method: 'delete', path: `/api/restream/destinations/${w.restreamDestinationId}` }),
    expect: members(NOT_FOUND, { owner: '204' }),
    restore: async (w) => {
      w.restreamDestinationId = await restreamDestinationOf(w.host);
    },
  },

  // ── Creator approval: anyone signed in asks for themselves; only admins decide (nobody in this world is one)
  { route: 'GET /api/creator-access', call: () => ({ method: 'get', path: '/api/creator-access' }), expect: members('200') },
  {
    route: 'POST /api/creator-access',
    call: () => ({ method: 'post', path: '/api/creator-access', body: { note: 'hello' } }),
    expect: members('200'),
    restore: (w) =>
      prisma.creatorRequest.deleteMany({
        where: { userId: { in: [w.host.user.id, ...Object.values(w.members).map((m) => m.user.id)] } },
      }),
  },
  {
    route: 'GET /api/creator-access/admin',
    call: () => ({ method: 'get', path: '/api/creator-access/admin' }),
    expect: members('200'),
  },
  {
    route: 'GET /api/admin/creator-requests',
    call: () => ({ method: 'get', path: '/api/admin/creator-requests' }),
    expect: members('403 NOT_ADMIN'),
  },
  {
    route: 'POST /api/admin/creator-requests/:userId/decision',
    call: (w) => ({
      method: 'post',
      path: `/api/admin/creator-requests/${w.host.user.id}/decision`,
      body: { decision: 'APPROVED' },
    }),
    expect: members('403 NOT_ADMIN'),
  },
  // ── Browsing by category: public
  { route: 'GET /api/viewer/categories', call: () => ({ method: 'get', path: '/api/viewer/categories' }), expect: all('200') },
  {
    route: 'GET /api/viewer/categories/:slug',
    call: () => ({ method: 'get', path: '/api/viewer/categories/gaming' }),
    expect: all('200'),
  },

  // ── Notifications: each caller's own; the mute names the host (the owner cannot mute themselves)
  { route: 'GET /api/notifications', call: () => ({ method: 'get', path: '/api/notifications' }), expect: members('200') },
  {
    route: 'GET /api/oembed',
    call: (w) => ({
      method: 'get',
      path: `/api/oembed?url=${encodeURIComponent(`${env.PUBLIC_URL}/${w.host.user.username}/live`)}`,
    }),
    expect: all('200'),
  },
  {
    // Everyone gets live events; a member's own notifications ride along (the privacy is tested in notifications.test.ts).
    route: 'GET /api/live/events?notifications=include',
    call: () => ({ method: 'get', path: '/api/live/events?notifications=include', stream: true }),
    expect: all('200'),
  },
  {
    route: 'GET /api/live/events?notifications=only',
    call: () => ({ method: 'get', path: '/api/live/events?notifications=only', stream: true }),
    expect: members('200'),
  },
  {
    route: 'POST /api/notifications/read-all',
    call: () => ({ method: 'post', path: '/api/notifications/read-all', body: {} }),
    expect: members('200'),
  },
  {
    route: 'POST /api/notifications/:id/read',
    // Nobody's notification: every member gets the same 404 as for someone else's (no way to tell them apart).
    call: () => ({ method: 'post', path: '/api/notifications/00000000-0000-4000-8000-000000000000/read', body: {} }),
    expect: members(NOT_FOUND),
  },
  ...(['get', 'put', 'delete'] as const).map((method): Row => ({
    route: `${method.toUpperCase()} /api/notifications/mutes/:username`,
    call: (w) => ({ method, path: `/api/notifications/mutes/${w.host.user.username}`, ...(method !== 'get' && { body: {} }) }),
    expect: members('200', { owner: '400 SELF' }),
    restore: (w) => prisma.notificationMute.deleteMany({ where: { hostId: w.host.user.id } }),
  })),

  // ── Scheduled streams: your own schedule; anyone reads a channel's; reminders are each caller's own
  { route: 'GET /api/stream/schedule', call: () => ({ method: 'get', path: '/api/stream/schedule' }), expect: members('200') },
  {
    route: 'DELETE /api/stream/schedule',
    call: () => ({ method: 'delete', path: '/api/stream/schedule' }),
    expect: members('200'),
  },
  {
    route: 'GET /api/viewer/stream/:username/schedule',
    call: (w) => ({ method: 'get', path: `/api/viewer/stream/${w.host.user.username}/schedule` }),
    expect: { ...all('200'), blocked: NOT_FOUND, blockedModerator: NOT_FOUND },
  },
  { route: 'GET /api/viewer/upcoming', call: () => ({ method: 'get', path: '/api/viewer/upcoming' }), expect: all('200') },
  {
    route: 'PUT /api/stream/schedule',
    // Each caller announces their own next stream.
    call: () => ({
      method: 'put',
      path: '/api/stream/schedule',
      body: { startsAt: new Date(Date.now() + 86_400_000).toISOString(), title: 'Matrix night' },
    }),
    expect: members('200'),
    restore: () =>
      prisma.stream.updateMany({ where: { scheduledAt: { not: null } }, data: { scheduledAt: null, scheduledTitle: null } }),
  },
  {
    route: 'GET /api/viewer/stream/:username/schedule.ics',
    // The host has announced a stream; someone they blocked cannot tell (as for the schedule itself).
    call: async (w) => {
      await prisma.stream.updateMany({
        where: { userId: w.host.user.id },
        data: { scheduledAt: new Date(Date.now() + 86_400_000), scheduledTitle: 'Matrix night' },
      });
      return { method: 'get', path: `/api/viewer/stream/${w.host.user.username}/schedule.ics` };
    },
    expect: { ...all('200'), blocked: NOT_FOUND, blockedModerator: NOT_FOUND },
  },
  ...(['put', 'delete'] as const).map((method): Row => ({
    route: `${method.toUpperCase()} /api/notifications/reminders/:username`,
    call: (w) => ({ method, path: `/api/notifications/reminders/${w.host.user.username}`, body: {} }),
    expect: members('200', { owner: '400 SELF' }),
    restore: (w) => prisma.streamReminder.deleteMany({ where: { hostId: w.host.user.id } }),
  })),

  // ── One's own account: recovery, address, sessions, data. Each caller acts on their own account only.
  {
    route: 'POST /api/account/password-reset',
    // The same answer for any name: it never tells whether an account exists.
    call: () => ({ method: 'post', path: '/api/account/password-reset', body: { login: `matrix_${Date.now()}` } }),
    expect: all('202'),
  },
  {
    route: 'POST /api/account/email-confirmation',
    call: () => ({ method: 'post', path: '/api/account/email-confirmation', body: {} }),
    expect: members('202'),
  },
  {
    route: 'POST /api/account/email',
    call: () => ({ method: 'post', path: '/api/account/email', body: { email: `matrix_${Date.now()}@example.test` } }),
    expect: members('200'),
    restore: (w) =>
      Promise.all(
        [w.host, ...Object.values(w.members)].map(({ user }) =>
          prisma.user.update({ where: { id: user.id }, data: { email: user.email } }),
        ),
      ),
  },
  { route: 'GET /api/account/sessions', call: () => ({ method: 'get', path: '/api/account/sessions' }), expect: members('200') },
  {
    route: 'DELETE /api/account/sessions/:sessionId',
    // Someone else's session id (the host's) reads as no session of yours; the host would end their own.
    call: async (w) => {
      const session = await prisma.session.findFirstOrThrow({ where: { userId: w.host.user.id }, select: { id: true } });
      return { method: 'delete', path: `/api/account/sessions/${session.id}` };
    },
    expect: members(NOT_FOUND, { owner: '204' }),
    restore: async (w) => {
      // The host signed their only session out: sign them back in for the next cells.
      const again = await w.host.agent
        .post('/api/auth/sign-in/username')
        .set('Origin', env.PUBLIC_URL)
        .set('X-Forwarded-For', `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)
        .send({ username: w.host.user.username, password: 'correct-horse-battery' });
      if (again.status !== 200) throw new Error(`signing the host back in failed: ${again.status}`);
    },
  },
  {
    route: 'POST /api/account/sessions/end-others',
    call: () => ({ method: 'post', path: '/api/account/sessions/end-others', body: {} }),
    expect: members('200'),
  },
  { route: 'GET /api/account/export', call: () => ({ method: 'get', path: '/api/account/export' }), expect: members('200') },
  {
    route: 'POST /api/account/delete',
    // Not with a wrong password (counted like a sign-in attempt); the real deletion: account-deletion.test.ts.
    call: () => ({ method: 'post', path: '/api/account/delete', body: { password: 'not-the-password' } }),
    expect: members('400 WRONG_PASSWORD'),
  },

  { route: 'GET /api/account/passkeys', call: () => ({ method: 'get', path: '/api/account/passkeys' }), expect: members('200') },
  {
    route: 'POST /api/account/passkeys/registration-options',
    call: () => ({ method: 'post', path: '/api/account/passkeys/registration-options', body: {} }),
    expect: members('200'),
  },
  {
    route: 'POST /api/account/passkeys',
    // An answer to no challenge of the caller's: refused before any key is looked at.
    call: () => ({
      method: 'post',
      path: '/api/account/passkeys',
      body: { challengeId: 'not-a-challenge', name: 'Matrix key', response: { id: 'x', type: 'public-key' } },
    }),
    expect: members('400 BAD_REQUEST'),
  },
  {
    route: 'DELETE /api/account/passkeys/:passkeyId',
    call: () => ({ method: 'delete', path: '/api/account/passkeys/not-a-passkey' }),
    expect: members(NOT_FOUND),
  },
  {
    route: 'POST /api/account/passkeys/sign-in-options',
    call: () => ({ method: 'post', path: '/api/account/passkeys/sign-in-options', body: {} }),
    expect: all('200'),
  },

  // ── The API's own description, for programs and people
  { route: 'GET /api/openapi.json', call: () => ({ method: 'get', path: '/api/openapi.json' }), expect: all('200') },
  { route: 'GET /api/docs', call: () => ({ method: 'get', path: '/api/docs' }), expect: all('200') },
  { route: 'GET /api/docs/scalar.js', call: () => ({ method: 'get', path: '/api/docs/scalar.js' }), expect: all('200') },

  // ── Operators: metrics exist only with METRICS_TOKEN configured (not in this world; see metrics.test.ts)
  { route: 'GET /metrics', call: () => ({ method: 'get', path: '/metrics' }), expect: all(NOT_FOUND) },

  // ── LiveKit's webhook: a signature, not a person, is the credential
  {
    route: 'POST /api/webhook/livekit',
    call: () => ({ method: 'post', path: '/api/webhook/livekit', body: {} }),
    expect: all(SIGN_IN),
  },
];

/**
 * Declared routes the matrix does not call, and where they are checked instead: better-auth's endpoints create and
 * end sessions (and count toward per-address limits), which would change the world the cells share.
 */
export const COVERED_ELSEWHERE: Record<string, string> = {
  'POST /api/auth/sign-up/email': 'modules/auth/auth.test.ts and the fuzz suite',
  'POST /api/auth/sign-in/username': 'modules/auth/auth.test.ts and the fuzz suite',
  'POST /api/auth/sign-in/email': 'modules/auth/auth.test.ts and the fuzz suite',
  'POST /api/auth/sign-out': 'modules/auth/auth.test.ts, security/two-instances.test.ts',
  'POST /api/auth/is-username-available': 'modules/auth/auth.test.ts and the fuzz suite',
  'POST /api/auth/reset-password': 'a mailed token is the credential; modules/account/account.test.ts',
  'POST /api/auth/change-password': 'ends other sessions; modules/account/account.test.ts',
  'GET /api/auth/verify-email': 'a mailed token is the credential; modules/account/account.test.ts',
  'POST /api/auth/two-factor/enable': 'replaces sessions once on; modules/auth/two-factor.test.ts',
  'POST /api/auth/two-factor/verify-totp': 'creates sessions; modules/auth/two-factor.test.ts',
  'POST /api/auth/two-factor/verify-backup-code': 'creates sessions; modules/auth/two-factor.test.ts',
  'POST /api/auth/two-factor/generate-backup-codes': 'modules/auth/two-factor.test.ts',
  'POST /api/auth/two-factor/disable': 'replaces the session; modules/auth/two-factor.test.ts',
  'POST /api/auth/passkey/sign-in': 'creates sessions; modules/account/passkeys.test.ts and the passkey journey (e2e)',
  'ALL /api/auth/{*rest}': "better-auth's other endpoints; modules/auth/auth.test.ts",
};

/** A restream destination of `host`'s own, as the dashboard adds one. */
export async function restreamDestinationOf(host: Agent): Promise<string> {
  const response = await host.agent
    .post('/api/restream/destinations')
    .send({ name: 'Twitch', url: 'rtmp://live.twitch.tv/app', streamKey: 'live_123456789' })
    .expect(201);
  return response.body.id as string;
}
