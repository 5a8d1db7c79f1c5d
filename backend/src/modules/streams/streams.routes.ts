import { apiRouter, created, noContent, ok } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { chatSettings, chatSettingsBody } from '../chat/chat.schemas.ts';
import { getChatRoom, updateChatSettings } from '../chat/chat-settings.service.ts';
import { eligibility } from '../eligibility/eligibility.schemas.ts';
import { assertEligibleToStream, getEligibility } from '../eligibility/eligibility.service.ts';
import { roomToken } from '../tokens/tokens.schemas.ts';
import { mintPublisherToken, mintSelfViewToken } from '../tokens/tokens.service.ts';
import {
  createIngressBody,
  scheduleBody,
  scheduleState,
  streamCredentials,
  streamHealth,
  streamInfo,
  streamInfoBody,
  streamKey,
  streamStatus,
} from './streams.schemas.ts';
import { getStreamHealth } from './stream-health.service.ts';
import {
  createStreamKey,
  getStreamCredentials,
  getStreamInfo,
  getStreamStatus,
  getSchedule,
  setSchedule,
  clearSchedule,
  revokeStreamKeys,
  updateStreamInfo,
} from './streams.service.ts';

/**
 * /api/stream: the signed-in creator's own stream. Every route acts on the caller's stream only, so none
 * takes an id: keys, info, status, the go-live gate, LiveKit tokens for going live and self-view, chat rules.
 */
export const streamApi = apiRouter('/api/stream', {
  tag: 'My stream',
  description:
    "The signed-in creator's own stream: keys, info, status, the go-live gate, tokens and chat rules. No route takes an id.",
  guards: [requireUser],
});

/** The key is a secret: never kept by a browser or proxy cache. */
const NOT_CACHED = { 'Cache-Control': 'no-store' };
const NOT_ELIGIBLE = 'Not allowed to stream yet (`reason: NOT_ELIGIBLE`, with `followerCount` and `required`).';

streamApi.post('/ingress', {
  summary: 'Create a stream key (RTMP or WHIP)',
  description: 'Deletes any previous key first: only the new one works.',
  body: createIngressBody,
  responses: { 201: streamKey },
  errors: {
    403: NOT_ELIGIBLE,
    429: 'Too many key changes in the last hour.',
    503: 'The ingress service did not answer (going live from the browser still works).',
  },
  handler: async ({ body }, req) => created(await createStreamKey(signedInUser(req.user), body), NOT_CACHED),
});

streamApi.delete('/ingress', {
  summary: 'Delete the stream key',
  description: 'It stops working at once; a running stream from it ends.',
  responses: { 204: { description: 'Deleted' } },
  errors: { 503: 'The ingress service did not answer.' },
  handler: async (_input, req) => {
    await revokeStreamKeys(signedInUser(req.user).id);
    return noContent();
  },
});

streamApi.get('/credentials', {
  summary: 'The current stream key',
  responses: { 200: streamCredentials },
  handler: async (_input, req) => ok(await getStreamCredentials(signedInUser(req.user).id), NOT_CACHED),
});

streamApi.get('/info', {
  summary: "The stream's title, description and thumbnail",
  responses: { 200: streamInfo },
  handler: async (_input, req) => ok(await getStreamInfo(signedInUser(req.user).id)),
});

streamApi.put('/info', {
  summary: "Change the stream's title, description or thumbnail",
  description: 'Only the fields given change. Pages showing the stream hear about a new title (`stream.updated`).',
  body: streamInfoBody,
  responses: { 200: streamInfo },
  handler: async ({ body }, req) => ok(await updateStreamInfo(signedInUser(req.user).id, body)),
});

streamApi.get('/status', {
  summary: 'Whether the stream is live',
  responses: { 200: streamStatus },
  handler: async (_input, req) => ok(await getStreamStatus(signedInUser(req.user).id)),
});

streamApi.get('/health', {
  summary: 'How the OBS ingest looks right now',
  description:
    "Codec, picture, frame rate and bitrate of the RTMP/WHIP stream coming in, as LiveKit's ingress measures it, with warnings against the recommended OBS settings. Read from LiveKit on each call (the dashboard polls it every 5 s while live).",
  responses: { 200: streamHealth },
  errors: { 503: 'The ingress service did not answer.' },
  handler: async (_input, req) => ok(await getStreamHealth(signedInUser(req.user).id), NOT_CACHED),
});

streamApi.get('/eligibility', {
  summary: 'Whether the caller may go live, and why not',
  responses: { 200: eligibility },
  handler: async (_input, req) => ok(await getEligibility(signedInUser(req.user).id)),
});

streamApi.post('/publisher-token', {
  summary: 'A token to go live from the browser',
  responses: { 200: roomToken },
  errors: { 403: NOT_ELIGIBLE },
  handler: async (_input, req) => {
    await assertEligibleToStream(signedInUser(req.user).id);
    const { roomName: _room, ...token } = await mintPublisherToken(signedInUser(req.user));
    return ok(token);
  },
});

streamApi.post('/creator-token', {
  summary: 'A watch-only token for the creator’s own room',
  description: 'Identity `Host-{userId}`: the self-preview, not counted as a viewer.',
  responses: { 200: roomToken },
  handler: async (_input, req) => {
    const { roomName: _room, ...token } = await mintSelfViewToken(signedInUser(req.user));
    return ok(token);
  },
});

streamApi.get('/chat-settings', {
  summary: "The creator's chat rules",
  responses: { 200: chatSettings },
  handler: async (_input, req) => ok((await getChatRoom(signedInUser(req.user).id)).settings),
});

streamApi.put('/chat-settings', {
  summary: "Change the creator's chat rules",
  description: 'Open chat panels hear about it at once (topic `chat-settings`).',
  body: chatSettingsBody,
  responses: { 200: chatSettings },
  handler: async ({ body }, req) => ok(await updateChatSettings(signedInUser(req.user).id, body)),
});

streamApi.get('/schedule', {
  summary: 'Your next announced broadcast',
  responses: { 200: scheduleState },
  handler: async (_input, req) => ok(await getSchedule(signedInUser(req.user).id)),
});

streamApi.put('/schedule', {
  summary: 'Announce (or move) your next broadcast',
  description:
    'A time in the future (within 90 days), a title and optionally a category. Cleared when you go live after that time.',
  body: scheduleBody,
  responses: { 200: scheduleState },
  handler: async ({ body }, req) => ok(await setSchedule(signedInUser(req.user).id, body)),
});

streamApi.delete('/schedule', {
  summary: 'Cancel your announced broadcast',
  responses: { 200: scheduleState },
  handler: async (_input, req) => ok(await clearSchedule(signedInUser(req.user).id)),
});
