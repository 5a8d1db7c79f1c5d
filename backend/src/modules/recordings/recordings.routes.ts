import type { Response } from 'express';
import { apiRouter, noContent, ok } from '../../http/api-router.ts';
import { optionalUser, requireUser, signedInUser } from '../auth/auth.guards.ts';
import {
  channelParams,
  channelReplays,
  chatPageQuery,
  liveSegmentParams,
  myReplays,
  recordingSettings,
  replayChatPage,
  replayDetails,
  replayParams,
  segmentParams,
  settingsBody,
} from './recordings.schemas.ts';
import { sendLiveSnapshot } from './live-snapshots.service.ts';
import { livePlaylist, sendLiveSegment } from './live-hls.service.ts';
import { getSettings, updateSettings } from './recording-settings.service.ts';
import {
  getReplay,
  listChannelReplays,
  listMyReplays,
  replayChat,
  replayPlaylist,
  sendReplayMedia,
  sendReplaySegment,
  sendReplayThumbnail,
} from './replay-access.service.ts';
import { deleteReplay } from './replay-retention.service.ts';

/** /api/recordings: replays (files, chat), live snapshots and the creator's recording settings. */
export const recordingsApi = apiRouter('/api/recordings', {
  tag: 'Replays',
  description: 'Recorded broadcasts with their chat, live pictures, and what creators choose about recording.',
});

const HLS_PLAYLIST = 'application/vnd.apple.mpegurl';
const sendPlaylist = (res: Response, playlist: string, cacheControl: string) =>
  void res.status(200).type(HLS_PLAYLIST).set('Cache-Control', cacheControl).send(playlist);

const WHO_MAY_WATCH = {
  403: 'The creator blocked the caller (`reason: BLOCKED`), keeps replays private (`PRIVATE`) or to followers (`FOLLOWERS_ONLY`).',
  404: 'No such replay, or it is not ready yet.',
} as const;

/** A file: the whole of it, a byte range of it, or (S3 storage) a redirect to a signed URL. */
const file = (contentType: string) => ({
  200: { description: 'The file.', contentType },
  206: { description: 'The byte range asked for with `Range`.', contentType },
  302: { description: 'With S3 storage: a short-lived signed URL of the file (it answers ranges itself).' },
});

recordingsApi.get('/settings', {
  summary: "The caller's recording settings",
  guards: [requireUser],
  responses: { 200: recordingSettings },
  handler: async (_input, req) => ok(await getSettings(signedInUser(req.user).id)),
});

recordingsApi.put('/settings', {
  summary: 'Change recording settings',
  description:
    'Record or not, who may watch replays, and after how many days they are deleted (a shorter period applies at once).',
  guards: [requireUser],
  body: settingsBody,
  responses: { 200: recordingSettings },
  handler: async ({ body }, req) => ok(await updateSettings(signedInUser(req.user).id, body)),
});

recordingsApi.get('/mine', {
  summary: "The caller's recordings",
  description: 'Newest first, including the one in progress and failed ones with the reason.',
  guards: [requireUser],
  responses: { 200: myReplays },
  handler: async (_input, req) => ok(await listMyReplays(signedInUser(req.user).id), { 'Cache-Control': 'no-store' }),
});

recordingsApi.get('/channels/:username/replays', {
  summary: "A channel's replays",
  description: 'Newest first; empty with `locked` when the caller may not watch them.',
  guards: [optionalUser],
  params: channelParams,
  responses: { 200: channelReplays },
  errors: { 404: 'There is no creator by that name.' },
  handler: async ({ params }, req) => ok(await listChannelReplays(params.username, req.user)),
});

recordingsApi.get('/channels/:username/snapshot.jpg', {
  summary: 'The newest picture of a live stream',
  description: 'A JPEG taken every few seconds while the stream is live and recorded. Link it with `?v=` from a stream card.',
  guards: [optionalUser],
  params: channelParams,
  responses: file('image/jpeg'),
  errors: {
    403: 'The creator blocked the caller (`reason: BLOCKED`).',
    404: 'No such creator, or no picture (not live or not recorded).',
  },
  handler: async ({ params }, req, res) => sendLiveSnapshot(res, params.username, req.user),
});

recordingsApi.get('/channels/:username/live/index.m3u8', {
  summary: 'A live stream over HLS',
  description:
    'A live (sliding window) HLS playlist of the broadcast: its newest 2 s segments (H.264 + AAC) from the recorder, some seconds behind the WebRTC stream. For data saver and audiences beyond one LiveKit node.',
  guards: [optionalUser],
  params: channelParams,
  responses: { 200: { description: 'The live playlist.', contentType: HLS_PLAYLIST } },
  errors: {
    403: 'The creator blocked the caller (`reason: BLOCKED`).',
    404: 'No such creator, or not live with a recording (HLS comes from the recorder).',
  },
  handler: async ({ params }, req, res) => {
    // Reloaded every segment by players: never cached, so each reload sees the newest segment.
    sendPlaylist(res, await livePlaylist(params.username, req.user), 'private, no-cache');
  },
});

recordingsApi.get('/channels/:username/live/:segment', {
  summary: 'A segment of a live stream over HLS',
  guards: [optionalUser],
  params: liveSegmentParams,
  responses: file('video/mp2t'),
  errors: {
    403: 'The creator blocked the caller (`reason: BLOCKED`).',
    404: 'No such creator or segment, or not live.',
  },
  handler: async ({ params }, req, res) => sendLiveSegment(res, params.username, params.segment, req.user),
});

recordingsApi.get('/replays/:id', {
  summary: 'A replay',
  guards: [optionalUser],
  params: replayParams,
  responses: { 200: replayDetails },
  errors: WHO_MAY_WATCH,
  handler: async ({ params }, req) => ok(await getReplay(params.id, req.user)),
});

recordingsApi.delete('/replays/:id', {
  summary: 'Delete a replay',
  description: 'The creator only; the files go too.',
  guards: [requireUser],
  params: replayParams,
  responses: { 204: { description: 'Deleted.' } },
  errors: { 404: 'No such replay of the caller.', 409: 'It is still being recorded.' },
  handler: async ({ params }, req) => {
    await deleteReplay(signedInUser(req.user).id, params.id);
    return noContent();
  },
});

recordingsApi.get('/replays/:id/media', {
  summary: 'The video of a replay',
  description: 'Recordings made before HLS: MP4 (H.264 + Opus). Answers `Range` requests, so players can seek.',
  guards: [optionalUser],
  params: replayParams,
  responses: file('video/mp4'),
  errors: { ...WHO_MAY_WATCH, 416: 'The range is outside the file.' },
  handler: async ({ params }, req, res) => sendReplayMedia(res, params.id, req.user),
});

recordingsApi.get('/replays/:id/hls/index.m3u8', {
  summary: 'The HLS playlist of a replay',
  description:
    'H.264 + AAC segments of 2 s, every recorder of the broadcast in order (a discontinuity where one took over from another).',
  guards: [optionalUser],
  params: replayParams,
  responses: { 200: { description: 'The playlist (VOD).', contentType: HLS_PLAYLIST } },
  errors: WHO_MAY_WATCH,
  handler: async ({ params }, req, res) => {
    // Per viewer (visibility rules), and short: a block or "only me" holds at the next load.
    sendPlaylist(res, await replayPlaylist(params.id, req.user), 'private, max-age=60');
  },
});

recordingsApi.get('/replays/:id/hls/:segment', {
  summary: 'A segment of an HLS replay',
  guards: [optionalUser],
  params: segmentParams,
  responses: file('video/mp2t'),
  errors: WHO_MAY_WATCH,
  handler: async ({ params }, req, res) => sendReplaySegment(res, params.id, params.segment, req.user),
});

recordingsApi.get('/replays/:id/thumbnail.jpg', {
  summary: 'The picture of a replay',
  guards: [optionalUser],
  params: replayParams,
  responses: file('image/jpeg'),
  errors: WHO_MAY_WATCH,
  handler: async ({ params }, req, res) => sendReplayThumbnail(res, params.id, req.user),
});

recordingsApi.get('/replays/:id/chat', {
  summary: 'The chat of a replay, on the video timeline',
  description: 'Page by page, oldest first; messages deleted by moderators are left out.',
  guards: [optionalUser],
  params: replayParams,
  query: chatPageQuery,
  responses: { 200: replayChatPage },
  errors: WHO_MAY_WATCH,
  handler: async ({ params, query }, req) => ok(await replayChat(params.id, req.user, query)),
});
