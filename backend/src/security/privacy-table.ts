import { prisma } from '../lib/prisma.ts';
import type { signedInAgent } from '../test/fixtures.ts';

/**
 * Where the features meet: each private thing, every route that could expose it or act on it, and what each
 * caller gets. The privacy matrix (privacy-matrix.test.ts) checks every cell; a declared route must appear here or
 * in EXPOSES_NOTHING_PRIVATE with the reason it cannot, so a new route has to answer "what could this expose?".
 */

export const CALLERS = ['anonymous', 'viewer', 'follower', 'blocked', 'owner'] as const;
export type Caller = (typeof CALLERS)[number];
export type Answers = Record<Caller, string>;

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
export type PrivacyWorld = {
  /** One creator per visibility setting, each followed by `follower` and blocking `blocked`. */
  hosts: Record<'everyone' | 'followersOnly' | 'onlyMe' | 'declined', Agent>;
  members: Record<Exclude<Caller, 'anonymous' | 'owner'>, Agent>;
  /** A finished broadcast per host, with a chat message (SECRET) sent during it. */
  replays: Record<'everyone' | 'followersOnly' | 'onlyMe', string>;
  /** The same, recorded as HLS: its id and a segment's name. */
  hlsReplays: Record<'everyone' | 'followersOnly' | 'onlyMe', { id: string; segment: string }>;
  /** Another replay of the `onlyMe` creator, for the delete cells. */
  spareReplayId: string;
  /** A broadcast whose replay the creator deleted (its chat had SECRET in it too). */
  deletedReplayId: string;
  /** Things of the `onlyMe` creator's own: a notification, an upload, a broadcast's analytics. */
  notificationId: string;
  uploadUrl: string;
  /** A restream destination of the `onlyMe` creator (its stream key is a secret for another platform). */
  restreamDestinationId: string;
  sessionId: string;
  /** A correctly signed LiveKit webhook putting `host` on the air. */
  goLiveWebhook: (host: Agent, event: 'ingress_started' | 'track_published') => Promise<{ body: string; authorization: string }>;
};

/** A message sent during each recorded broadcast: it must reach nobody the replay is not for. */
export const SECRET = 'only-for-the-replay-audience';
/** The `onlyMe` creator's stream key on another platform: returned to nobody, its owner included. */
export const RESTREAM_KEY = 'live_secret_key_for_another_platform';

export type PrivacyCell = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** How to read the answer, when its status alone does not say whether it exposed the thing. */
  observe?: (response: { status: number; body: unknown; text: string }) => string | Promise<string>;
};

export type HostKey = keyof PrivacyWorld['hosts'];

export type PrivacyRow = {
  /** The private thing, then the route: "an only-me replay · GET /api/recordings/replays/:id". */
  thing: string;
  route: string;
  /** Whose thing it is: that creator is the `owner` caller of the row. */
  host: HostKey;
  /** The request, as `me` (the caller's own account, if any) sends it. */
  call: (world: PrivacyWorld, me: { username?: string }) => PrivacyCell | Promise<PrivacyCell>;
  expect: Answers;
  /** Whatever a call changed that the next cell must not see. */
  restore?: (world: PrivacyWorld) => Promise<unknown>;
};

const SIGN_IN = '401 UNAUTHENTICATED';
const BLOCKED = '403 BLOCKED';
const NOT_FOUND = '404 NOT_FOUND';
const all = (answer: string): Answers => Object.fromEntries(CALLERS.map((caller) => [caller, answer])) as Answers;

/** Whether a response's text carries the secret message: the thing leaked. */
const leaksSecret = ({ status, text }: { status: number; text: string }) =>
  status >= 400 ? `${status}` : text.includes(SECRET) ? `${status} LEAKS` : `${status}`;

/** A replay list: locked (and why), or how many replays it shows. */
const replayList = ({ status, body }: { status: number; body: unknown }) => {
  const list = body as { items?: unknown[]; locked?: { reason: string } | null };
  return list.locked ? `${status} locked ${list.locked.reason}` : `${status} ${list.items?.length ?? 0} shown`;
};

const replayRoutes = (key: 'everyone' | 'followersOnly' | 'onlyMe', thing: string, refused: Answers): PrivacyRow[] => [
  ...['', '/media', '/thumbnail.jpg', '/chat'].map((suffix) => ({
    thing,
    host: key,
    route: `GET /api/recordings/replays/:id${suffix}`,
    call: (w: PrivacyWorld) => ({ method: 'get' as const, path: `/api/recordings/replays/${w.replays[key]}${suffix}` }),
    expect: refused,
  })),
  // An HLS replay's playlist and every segment go through the same check.
  ...(['index.m3u8', ':segment'] as const).map((file) => ({
    thing: `${thing} (HLS)`,
    host: key,
    route: `GET /api/recordings/replays/:id/hls/${file}`,
    call: (w: PrivacyWorld) => {
      const { id, segment } = w.hlsReplays[key];
      return { method: 'get' as const, path: `/api/recordings/replays/${id}/hls/${file === ':segment' ? segment : file}` };
    },
    expect: refused,
  })),
];

export const PRIVACY_ROWS: PrivacyRow[] = [
  // ── Replays under their creator's visibility, and a past broadcast's chat with them
  ...replayRoutes('onlyMe', 'an only-me replay', { ...all('403 PRIVATE'), blocked: BLOCKED, owner: '200' }),
  ...replayRoutes('followersOnly', 'a followers-only replay', {
    ...all('403 FOLLOWERS_ONLY'),
    follower: '200',
    blocked: BLOCKED,
    owner: '200',
  }),
  ...replayRoutes('everyone', 'a replay for everyone, as a blocked user sees it', { ...all('200'), blocked: BLOCKED }),
  {
    thing: 'an only-me replay',
    host: 'onlyMe',
    route: 'GET /api/recordings/channels/:username/replays',
    call: (w) => ({
      method: 'get',
      path: `/api/recordings/channels/${w.hosts.onlyMe.user.username}/replays`,
      observe: replayList,
    }),
    // The owner sees the MP4 and the HLS replay, and the spare one (deleted by a later row).
    expect: { ...all('200 locked PRIVATE'), blocked: '200 locked BLOCKED', owner: '200 3 shown' },
  },
  {
    thing: 'a followers-only replay',
    host: 'followersOnly',
    route: 'GET /api/recordings/channels/:username/replays',
    call: (w) => ({
      method: 'get',
      path: `/api/recordings/channels/${w.hosts.followersOnly.user.username}/replays`,
      observe: replayList,
    }),
    // Its MP4 and its HLS replay.
    expect: { ...all('200 locked FOLLOWERS_ONLY'), follower: '200 2 shown', blocked: '200 locked BLOCKED', owner: '200 2 shown' },
  },
  ...(['onlyMe', 'followersOnly', 'everyone'] as const).map((key): PrivacyRow => ({
    thing: `the chat of a past broadcast (${key} replay)`,
    host: key,
    route: 'GET /api/chat/:hostId/messages',
    // The live history starts where the last broadcast ended: the broadcast's chat is only in its replay.
    call: (w) => ({ method: 'get', path: `/api/chat/${w.hosts[key].user.id}/messages`, observe: leaksSecret }),
    expect: { ...all('200'), blocked: BLOCKED },
  })),
  {
    thing: "a deleted replay's chat",
    host: 'everyone',
    route: 'GET /api/recordings/replays/:id/chat',
    call: (w) => ({ method: 'get', path: `/api/recordings/replays/${w.deletedReplayId}/chat` }),
    expect: all(NOT_FOUND),
  },

  // ── A channel as someone the creator blocked sees it (anonymous readers see what is public anyway)
  {
    thing: 'a channel, to someone it blocked',
    host: 'everyone',
    route: 'POST /api/viewer/token',
    call: (w) => ({ method: 'post', path: '/api/viewer/token', body: { hostId: w.hosts.everyone.user.id } }),
    expect: { ...all('200'), blocked: BLOCKED },
  },
  {
    thing: 'a channel, to someone it blocked',
    host: 'everyone',
    route: 'GET /api/chat/:hostId/state',
    call: (w) => ({ method: 'get', path: `/api/chat/${w.hosts.everyone.user.id}/state` }),
    expect: { ...all('200'), blocked: BLOCKED },
  },
  {
    thing: 'a channel, to someone it blocked',
    host: 'everyone',
    route: 'GET /api/recordings/channels/:username/snapshot.jpg',
    // Not live, so there is no picture for anyone; the block is answered first.
    call: (w) => ({ method: 'get', path: `/api/recordings/channels/${w.hosts.everyone.user.username}/snapshot.jpg?v=0` }),
    expect: { ...all(NOT_FOUND), blocked: BLOCKED },
  },
  ...['index.m3u8', 'p-0123456789ab_00000.ts'].map((file): PrivacyRow => ({
    thing: 'a channel, to someone it blocked',
    host: 'everyone',
    route: `GET /api/recordings/channels/:username/live/${file === 'index.m3u8' ? file : ':segment'}`,
    // Not live, so there is no HLS for anyone; the block is answered first (live: hls-replays.test.ts).
    call: (w) => ({ method: 'get', path: `/api/recordings/channels/${w.hosts.everyone.user.username}/live/${file}` }),
    expect: { ...all(NOT_FOUND), blocked: BLOCKED },
  })),
  ...['/schedule', '/schedule.ics'].map((suffix): PrivacyRow => ({
    thing: 'a channel, to someone it blocked',
    host: 'everyone',
    route: `GET /api/viewer/stream/:username${suffix}`,
    call: (w) => ({ method: 'get', path: `/api/viewer/stream/${w.hosts.everyone.user.username}${suffix}` }),
    expect: { ...all('200'), blocked: NOT_FOUND },
  })),

  // ── A creator whose approval was declined: no key, no publisher token, and LiveKit's own word does not put them live
  ...(
    [
      ['POST /api/stream/ingress', { type: 'RTMP' }],
      ['POST /api/stream/publisher-token', {}],
    ] as const
  ).map(([route, body]): PrivacyRow => ({
    thing: 'a declined creator going live',
    host: 'declined',
    route,
    // Each caller asks for their own; only the declined owner is refused (approval is required in this world).
    call: () => ({ method: 'post', path: route.split(' ')[1]!, body }),
    expect: {
      ...all(SIGN_IN),
      viewer: '403 NOT_ELIGIBLE',
      follower: '403 NOT_ELIGIBLE',
      blocked: '403 NOT_ELIGIBLE',
      owner: '403 NOT_ELIGIBLE',
    },
  })),
  ...(['ingress_started', 'track_published'] as const).map((event): PrivacyRow => ({
    thing: 'a declined creator going live',
    host: 'declined',
    route: 'POST /api/webhook/livekit',
    // A signed event is the credential, whoever delivers it: it is refused and the stream stays offline.
    call: async (w) => {
      const { body, authorization } = await w.goLiveWebhook(w.hosts.declined, event);
      return {
        method: 'post',
        path: '/api/webhook/livekit',
        body,
        headers: { Authorization: authorization, 'Content-Type': 'application/webhook+json' },
        observe: async ({ status, body: answer }) => {
          const stream = await prisma.stream.findUnique({
            where: { userId: w.hosts.declined.user.id },
            select: { isLive: true },
          });
          return `${status} ${(answer as { outcome?: string }).outcome}${stream?.isLive ? ' but LIVE' : ''}`;
        },
      };
    },
    expect: all('200 refused'),
  })),

  // ── Another user's things (the `onlyMe` creator's): notifications, uploads, recordings, analytics
  {
    thing: "another user's notification",
    host: 'onlyMe',
    route: 'POST /api/notifications/:id/read',
    call: (w) => ({ method: 'post', path: `/api/notifications/${w.notificationId}/read`, body: {} }),
    expect: { ...all(NOT_FOUND), anonymous: SIGN_IN, owner: '200' },
  },
  {
    thing: "another user's notification",
    host: 'onlyMe',
    route: 'GET /api/notifications',
    call: (w) => ({
      method: 'get',
      path: '/api/notifications',
      observe: ({ status, text }) => (text.includes(w.notificationId) ? `${status} shows it` : `${status}`),
    }),
    expect: { ...all('200'), anonymous: SIGN_IN, owner: '200 shows it' },
  },
  {
    thing: "another user's upload",
    host: 'onlyMe',
    route: 'PATCH /api/users/:username',
    // Each caller tries to make the creator's picture their own avatar.
    call: (w, me) => ({ method: 'patch', path: `/api/users/${me.username ?? 'someone'}`, body: { image: w.uploadUrl } }),
    expect: { ...all('400 VALIDATION_FAILED'), anonymous: SIGN_IN, owner: '200' },
  },
  {
    thing: "another user's upload",
    host: 'onlyMe',
    route: 'PUT /api/stream/info',
    call: (w) => ({ method: 'put', path: '/api/stream/info', body: { thumbnailUrl: w.uploadUrl } }),
    expect: { ...all('400 VALIDATION_FAILED'), anonymous: SIGN_IN, owner: '200' },
  },
  {
    thing: "another user's restream destination and key",
    host: 'onlyMe',
    route: 'GET /api/restream/destinations',
    call: (w) => ({
      method: 'get',
      path: '/api/restream/destinations',
      observe: ({ status, text }) =>
        text.includes(RESTREAM_KEY)
          ? `${status} LEAKS the key`
          : text.includes(w.restreamDestinationId)
            ? `${status} shows it`
            : `${status}`,
    }),
    // Not even its owner gets the key back.
    expect: { ...all('200'), anonymous: SIGN_IN, owner: '200 shows it' },
  },
  {
    thing: "another user's restream destination and key",
    host: 'onlyMe',
    route: 'PATCH /api/restream/destinations/:id',
    // Each caller tries to point the creator's restream (and so their broadcast) somewhere else.
    call: (w) => ({
      method: 'patch',
      path: `/api/restream/destinations/${w.restreamDestinationId}`,
      body: { url: 'rtmp://203.0.113.9/live' },
      observe: ({ status, text }) => (text.includes(RESTREAM_KEY) ? `${status} LEAKS the key` : `${status}`),
    }),
    expect: { ...all(NOT_FOUND), anonymous: SIGN_IN, owner: '200' },
  },
  {
    thing: "another user's restream destination and key",
    host: 'onlyMe',
    route: 'DELETE /api/restream/destinations/:id',
    // The owner is asked last (CALLERS order) and removes it.
    call: (w) => ({ method: 'delete', path: `/api/restream/destinations/${w.restreamDestinationId}` }),
    expect: { ...all(NOT_FOUND), anonymous: SIGN_IN, owner: '204' },
  },
  {
    thing: "another user's recordings",
    host: 'onlyMe',
    route: 'GET /api/recordings/mine',
    call: (w) => ({
      method: 'get',
      path: '/api/recordings/mine',
      observe: ({ status, text }) => (text.includes(w.replays.onlyMe) ? `${status} shows it` : `${status}`),
    }),
    expect: { ...all('200'), anonymous: SIGN_IN, owner: '200 shows it' },
  },
  {
    thing: "another user's recordings",
    host: 'onlyMe',
    route: 'DELETE /api/recordings/replays/:id',
    // The owner is asked last (CALLERS order) and deletes it.
    call: (w) => ({ method: 'delete', path: `/api/recordings/replays/${w.spareReplayId}` }),
    expect: { ...all(NOT_FOUND), anonymous: SIGN_IN, owner: '204' },
  },
  {
    thing: "another user's analytics",
    host: 'onlyMe',
    route: 'GET /api/analytics/sessions/:sessionId',
    call: (w) => ({ method: 'get', path: `/api/analytics/sessions/${w.sessionId}` }),
    expect: { ...all(NOT_FOUND), anonymous: SIGN_IN, owner: '200' },
  },
  {
    thing: "another user's analytics",
    host: 'onlyMe',
    route: 'GET /api/analytics/sessions',
    call: (w) => ({
      method: 'get',
      path: '/api/analytics/sessions',
      observe: ({ status, text }) => (text.includes(w.sessionId) ? `${status} shows it` : `${status}`),
    }),
    expect: { ...all('200'), anonymous: SIGN_IN, owner: '200 shows it' },
  },
];

/**
 * Declared routes that cannot expose or act on any private thing above, and why. A new route goes here only with
 * a reason; otherwise it needs rows above.
 */
export const EXPOSES_NOTHING_PRIVATE: Record<string, string> = {
  'GET /health': 'a constant',
  'GET /api/auth/get-session': 'the caller’s own session',
  'GET /ready': 'dependency states',
  'GET /metrics': 'counters without ids (and only with the operator token)',
  'GET /api/openapi.json': 'the public API description',
  'GET /api/docs': 'the public API description',
  'GET /api/docs/scalar.js': 'a static script',
  'POST /api/auth/sign-up/email': 'creates an account',
  'POST /api/auth/sign-in/username': 'the caller’s own session',
  'POST /api/auth/sign-in/email': 'the caller’s own session',
  'POST /api/auth/sign-out': 'the caller’s own session',
  'POST /api/auth/is-username-available': 'whether a username is free (public by nature)',
  'ALL /api/auth/{*rest}': 'better-auth’s own endpoints, each about the caller’s session',
  'POST /api/auth/reset-password': 'sets the password of the account the mailed token names; answers nothing about it',
  'POST /api/auth/change-password': 'the caller’s own password',
  'GET /api/auth/verify-email': 'confirms the address the mailed token names; redirects to the settings page',
  'POST /api/auth/two-factor/enable': 'the caller’s own app secret and backup codes, with their password',
  'POST /api/auth/two-factor/verify-totp': 'the caller’s own sign-in (the pending one its cookie names)',
  'POST /api/auth/two-factor/verify-backup-code': 'the caller’s own sign-in (the pending one its cookie names)',
  'POST /api/auth/two-factor/generate-backup-codes': 'the caller’s own backup codes, with their password',
  'POST /api/auth/two-factor/disable': 'the caller’s own setting, with their password',
  'POST /api/auth/passkey/sign-in': 'signs in whoever holds the passkey; answers nothing about other accounts',
  'GET /api/account/passkeys': 'the caller’s own passkeys (names and dates, no keys)',
  'POST /api/account/passkeys/registration-options': 'a challenge for the caller’s own new passkey',
  'POST /api/account/passkeys': 'adds to the caller’s own account only',
  'DELETE /api/account/passkeys/:passkeyId': 'removes only the caller’s own passkeys; another’s id answers 404',
  'POST /api/account/passkeys/sign-in-options': 'a fresh challenge, naming no account',
  'POST /api/account/password-reset': 'the same answer whether or not the account exists; the link goes only to its own address',
  'POST /api/account/email-confirmation': 'mails the caller’s own address',
  'POST /api/account/email': 'the caller’s own address; an address another account has gets the same answer',
  'GET /api/account/sessions': 'the caller’s own sessions, by device, without tokens',
  'DELETE /api/account/sessions/:sessionId':
    'ends only the caller’s own sessions; another’s id answers 404 (authorization matrix)',
  'POST /api/account/sessions/end-others': 'the caller’s own sessions',
  'GET /api/account/export': 'the caller’s own data; other people appear only by their public username',
  'POST /api/account/delete': 'the caller’s own account; what remains of it elsewhere names nobody (account-deletion.test.ts)',
  'GET /api/viewer/stream/:username': 'the public channel card (live state, title), the same signed out',
  'GET /api/viewer/live': 'public live listings',
  'GET /api/viewer/following': 'the caller’s own follows',
  'GET /api/viewer/recommended': 'public listings (a blocker is never recommended: discovery tests)',
  'GET /api/viewer/search': 'public listings',
  'GET /api/viewer/categories': 'public listings',
  'GET /api/viewer/categories/:slug': 'public listings',
  'GET /api/viewer/upcoming': 'public announcements',
  'GET /api/live/events':
    'public live state; notifications only for the session’s own user (authorization matrix, notifications.test.ts)',
  'GET /api/oembed': 'the public channel card as a link preview (name, title, live picture), the same for every caller',
  'GET /api/users/:username': 'the public profile, the same signed out',
  'POST /api/users/:username/follow': 'acts on the caller’s own follows (a blocked user is refused: authorization matrix)',
  'DELETE /api/users/:username/follow': 'the caller’s own follows',
  'POST /api/users/:username/block': 'the caller’s own blocks',
  'DELETE /api/users/:username/block': 'the caller’s own blocks',
  'GET /api/users/:username/following': 'owner only (authorization matrix)',
  'GET /api/users/:username/blocked': 'owner only (authorization matrix)',
  'GET /api/stream/info': 'the caller’s own stream',
  'GET /api/stream/status': 'the caller’s own stream',
  'GET /api/stream/credentials': 'the caller’s own key',
  'GET /api/stream/eligibility': 'the caller’s own standing',
  'GET /api/stream/health': 'the caller’s own ingress',
  'POST /api/stream/creator-token': 'the caller’s own room, watch-only',
  'DELETE /api/stream/ingress': 'the caller’s own key',
  'GET /api/stream/chat-settings': 'the caller’s own rules',
  'PUT /api/stream/chat-settings': 'the caller’s own rules',
  'GET /api/stream/schedule': 'the caller’s own announcement',
  'PUT /api/stream/schedule': 'the caller’s own announcement',
  'DELETE /api/stream/schedule': 'the caller’s own announcement',
  'POST /api/uploads': 'stores the caller’s own image',
  'GET /api/uploads/:id': 'published pictures (avatars, thumbnails): public by purpose',
  'POST /api/chat/:hostId/messages': 'writes; who may is the authorization matrix',
  'POST /api/chat/:hostId/reactions': 'writes; who may is the authorization matrix',
  'DELETE /api/chat/:hostId/messages/:messageId': 'moderation; the authorization matrix',
  'POST /api/chat/:hostId/clear': 'moderation; the authorization matrix',
  'PUT /api/chat/:hostId/pin': 'moderation; the authorization matrix',
  'DELETE /api/chat/:hostId/pin': 'moderation; the authorization matrix',
  'POST /api/chat/:hostId/timeouts': 'moderation; the authorization matrix',
  'POST /api/chat/:hostId/bans': 'moderation; the authorization matrix',
  'GET /api/chat/:hostId/moderators': 'owner only (authorization matrix)',
  'POST /api/chat/:hostId/moderators': 'owner only (authorization matrix)',
  'DELETE /api/chat/:hostId/moderators/:userId': 'owner only (authorization matrix)',
  'GET /api/recordings/settings': 'the caller’s own settings',
  'PUT /api/recordings/settings': 'the caller’s own settings',
  'GET /api/creator-access': 'the caller’s own request',
  'POST /api/creator-access': 'the caller’s own request',
  'GET /api/creator-access/admin': 'whether the caller is an admin',
  'GET /api/admin/creator-requests': 'admins only (authorization matrix)',
  'POST /api/admin/creator-requests/:userId/decision': 'admins only (authorization matrix)',
  'POST /api/notifications/read-all': 'the caller’s own notifications',
  'POST /api/restream/destinations': 'creates a destination of the caller’s own (the key is never returned)',
  'GET /api/notifications/mutes/:username': 'the caller’s own mutes',
  'PUT /api/notifications/mutes/:username': 'the caller’s own mutes',
  'DELETE /api/notifications/mutes/:username': 'the caller’s own mutes',
  'PUT /api/notifications/reminders/:username': 'the caller’s own reminders',
  'DELETE /api/notifications/reminders/:username': 'the caller’s own reminders',
};
