import { z } from 'zod';
import { SEGMENT_NAME } from './hls-playlist.ts';

const MAX_RETENTION_DAYS = 3650;
const CHAT_PAGE_MAX = 1000;

export const replayParams = z.object({ id: z.uuid({ error: 'is not a replay id' }) });

export const channelParams = z.object({ username: z.string().trim().min(1).max(64) });

export const chatPageQuery = z.object({
  /** The last message of the previous page (its `next`). */
  after: z.uuid({ error: 'is not a message id' }).optional(),
  limit: z.coerce.number().int().min(1).max(CHAT_PAGE_MAX).default(CHAT_PAGE_MAX),
});
export type ChatPageQuery = z.infer<typeof chatPageQuery>;

/** A segment of an HLS replay, as its playlist names it (`<part>_<number>.ts`). */
export const segmentParams = replayParams.extend({
  segment: z.string().regex(SEGMENT_NAME, { error: 'is not a segment of this replay' }),
});

/** A segment of a channel's live broadcast. */
export const liveSegmentParams = channelParams.extend({
  segment: z.string().regex(SEGMENT_NAME, { error: 'is not a segment of this broadcast' }),
});

export const replayVisibility = z.enum(['EVERYONE', 'FOLLOWERS', 'ONLY_ME']);

export const settingsBody = z
  .object({
    recordingEnabled: z.boolean(),
    visibility: replayVisibility,
    /** Null keeps replays until the creator deletes them. */
    retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one setting');
export type SettingsChange = z.infer<typeof settingsBody>;

// ── Responses

export const recorderStatus = z
  .strictObject({
    available: z.boolean(),
    /** Why recording is off on this server (e.g. no egress service), when it is. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'RecorderStatus', description: 'Whether this server records broadcasts at all.' });

export const replay = z
  .strictObject({
    id: z.uuid(),
    title: z.string(),
    hostId: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    /** When the broadcast started. */
    recordedAt: z.iso.datetime(),
    durationMs: z.number().int().min(0),
    sizeBytes: z.number().int().min(0),
    /** The video: an HLS playlist (H.264 + AAC segments), or for older recordings an MP4 (H.264 + Opus, HTTP Range). */
    mediaUrl: z.string(),
    mediaType: z.enum(['application/vnd.apple.mpegurl', 'video/mp4']),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: 'Replay', description: 'A recorded broadcast.' });

export const replayDetails = replay.extend({ isOwner: z.boolean() }).meta({ id: 'ReplayDetails' });

export const replayStatus = z.enum(['STARTING', 'RECORDING', 'PROCESSING', 'READY', 'FAILED']);

export const myReplays = z
  .strictObject({
    items: z.array(replay.extend({ status: replayStatus, error: z.string().nullable() })),
    recorder: recorderStatus,
  })
  .meta({ id: 'MyReplays', description: "The creator's recordings, in progress and failed ones included." });

export const channelReplays = z
  .strictObject({
    items: z.array(replay),
    /** Why the caller may not see this channel's replays (then `items` is empty). */
    locked: z.strictObject({ reason: z.enum(['BLOCKED', 'PRIVATE', 'FOLLOWERS_ONLY']), message: z.string() }).nullable(),
  })
  .meta({ id: 'ChannelReplays' });

export const recordingSettings = z
  .strictObject({
    recordingEnabled: z.boolean(),
    visibility: replayVisibility,
    retentionDays: z.number().int().min(1).nullable(),
    recorder: recorderStatus,
  })
  .meta({ id: 'RecordingSettings' });

export const replayChatPage = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        senderName: z.string(),
        color: z.string(),
        isGuest: z.boolean(),
        body: z.string(),
        sentAt: z.iso.datetime(),
        /** Where on the video's timeline it was sent. */
        offsetMs: z.number().int().min(0),
      }),
    ),
    /** Pass as `after` for the next page; null on the last. */
    next: z.string().nullable(),
  })
  .meta({ id: 'ReplayChatPage' });
