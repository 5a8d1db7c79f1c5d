import { z } from 'zod';
import { multiLineText, singleLineText } from '../../http/text-policy.ts';
import { DESCRIPTION_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_MAX, TITLE_MAX_LENGTH } from '@streamhouse/contract';

/** Encoding ladders for RTMP (the ingress always transcodes RTMP); layers never exceed the incoming picture. */
export const RTMP_QUALITIES = ['540p', '720p', '1080p'] as const;
export type RtmpQuality = (typeof RTMP_QUALITIES)[number];

const rtmpIngress = z
  .object({
    type: z.literal('RTMP'),
    quality: z.enum(RTMP_QUALITIES, { error: `must be one of ${RTMP_QUALITIES.join(', ')}` }).default('720p'),
  })
  .strict();

/** WHIP is passed through as sent (no transcoding): the lowest delay, and the encoder decides the quality. */
const whipIngress = z.object({ type: z.literal('WHIP') }).strict();

export const createIngressBody = z.discriminatedUnion('type', [rtmpIngress, whipIngress], {
  error: 'type must be "RTMP" or "WHIP"',
});

export type CreateIngressBody = z.infer<typeof createIngressBody>;

const titleSchema = singleLineText({ max: TITLE_MAX_LENGTH });

/** Newlines are kept; an empty description is stored as none. */
const descriptionSchema = multiLineText({ max: DESCRIPTION_MAX_LENGTH });

/** Thumbnails are images uploaded with POST /api/uploads (type and size are checked there); null removes it. */
const thumbnailUrlSchema = z
  .string({ error: 'must be an image URL from POST /api/uploads, or null' })
  .regex(
    /^\/api\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be an image URL from POST /api/uploads',
  )
  .nullable();

/** A category's slug (GET /api/viewer/categories); null clears it. Unknown slugs are refused by the service (400). */
const categorySchema = z
  .string({ error: 'must be a category slug, or null' })
  .regex(/^[a-z0-9-]{1,40}$/, 'must be a category slug from GET /api/viewer/categories')
  .nullable();

/** Up to TAGS_MAX tags, each one line of visible text like a title (lower-cased; repeats are refused). */
const tagsSchema = z
  .array(singleLineText({ max: TAG_MAX_LENGTH, min: 1 }), { error: 'must be a list of tags' })
  .max(TAGS_MAX, `must be at most ${TAGS_MAX} tags`)
  .transform((tags) => tags.map((tag) => tag.toLowerCase()))
  .refine((tags) => new Set(tags).size === tags.length, 'must not repeat a tag');

/** Any of the fields; the ones left out keep their value. */
export const streamInfoBody = z
  .object({
    title: titleSchema,
    description: descriptionSchema,
    thumbnailUrl: thumbnailUrlSchema,
    category: categorySchema,
    tags: tagsSchema,
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'give at least one of title, description, thumbnailUrl, category or tags',
  });

export type StreamInfoChanges = z.infer<typeof streamInfoBody>;

/** How far ahead a next stream may be announced. */
export const SCHEDULE_MAX_DAYS = 90;

/** PUT /api/stream/schedule: the next broadcast — a time in the future (within 90 days), a title, a category. */
export const scheduleBody = z
  .object({
    startsAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO date-time' })
      .transform((text) => new Date(text))
      .refine((date) => date.getTime() > Date.now(), 'must be in the future')
      .refine((date) => date.getTime() < Date.now() + SCHEDULE_MAX_DAYS * 86_400_000, `must be within ${SCHEDULE_MAX_DAYS} days`),
    title: singleLineText({ max: TITLE_MAX_LENGTH, min: 1 }),
    category: categorySchema.optional(),
  })
  .strict();

export type ScheduleBody = z.infer<typeof scheduleBody>;

// ── Responses

const ingressType = z
  .enum(['RTMP', 'WHIP'])
  .meta({ id: 'IngressType', description: 'RTMP (OBS and most encoders; transcoded) or WHIP (passed through).' });

export const streamKey = z
  .strictObject({ ingressId: z.string(), serverUrl: z.string(), streamKey: z.string(), type: ingressType })
  .meta({
    id: 'StreamKey',
    description: 'A new key: give `serverUrl` and `streamKey` to the encoder. Any previous key stopped working.',
  });

export const streamCredentials = z
  .strictObject({ serverUrl: z.string().nullable(), streamKey: z.string().nullable(), type: ingressType.nullable() })
  .meta({ id: 'StreamCredentials', description: 'The current key; all null before one is created.' });

export const categoryRef = z
  .strictObject({ slug: z.string(), name: z.string() })
  .meta({ id: 'CategoryRef', description: 'A category as cards show it.' });

export const streamInfo = z
  .strictObject({
    title: z.string(),
    description: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    category: categoryRef.nullable(),
    tags: z.array(z.string()),
  })
  .meta({ id: 'StreamInfo', description: 'What viewers see about the stream.' });

export const streamSchedule = z
  .strictObject({ startsAt: z.iso.datetime(), title: z.string(), category: categoryRef.nullable() })
  .meta({ id: 'StreamSchedule', description: "A creator's next announced broadcast." });

export const scheduleState = z
  .strictObject({ schedule: streamSchedule.nullable() })
  .meta({ id: 'ScheduleState', description: 'The next announced broadcast, or null.' });

export const streamStatus = z
  .strictObject({ isLive: z.boolean(), viewerCount: z.number().int().min(0), startedAt: z.iso.datetime().nullable() })
  .meta({ id: 'StreamStatus', description: 'Whether the stream is live, since when, and how many watch.' });

export type StreamKey = z.infer<typeof streamKey>;
export type StreamCredentials = z.infer<typeof streamCredentials>;
export type StreamInfo = z.infer<typeof streamInfo>;
export type StreamStatus = z.infer<typeof streamStatus>;

const healthWarning = z
  .strictObject({
    code: z.enum([
      'NO_VIDEO',
      'AUDIO_MISSING',
      'BITRATE_LOW',
      'BITRATE_HIGH',
      'FRAMERATE_LOW',
      'KEYFRAME_INTERVAL',
      'QUALITY_LIMITED',
    ]),
    message: z.string(),
  })
  .meta({
    id: 'HealthWarning',
    description: 'Something to fix in the encoder, in a sentence (rules: shared/src/stream-health.ts).',
  });

export const streamHealth = z
  .strictObject({
    type: ingressType.nullable().meta({ description: 'The key in use; null when the creator has none.' }),
    status: z.enum(['NONE', 'INACTIVE', 'BUFFERING', 'PUBLISHING', 'ERROR', 'COMPLETE']).meta({
      description: 'The ingress endpoint: NONE without a key, INACTIVE while nothing is sent, BUFFERING as the stream starts.',
    }),
    error: z.string().nullable().meta({ description: "The ingress's own error text, when status is ERROR." }),
    video: z
      .strictObject({
        codec: z.string(),
        width: z.number().int(),
        height: z.number().int(),
        framerate: z.number(),
        bitrateKbps: z.number().int(),
      })
      .nullable(),
    audio: z
      .strictObject({
        codec: z.string(),
        channels: z.number().int(),
        sampleRate: z.number().int(),
        bitrateKbps: z.number().int(),
      })
      .nullable(),
    startedAt: z.iso.datetime().nullable(),
    warnings: z.array(healthWarning),
    checkedAt: z.iso.datetime(),
  })
  .meta({
    id: 'StreamHealth',
    description:
      "The OBS (RTMP/WHIP) ingest as LiveKit's ingress sees it now: codec, picture, frame rate, bitrate, and warnings. Bitrates of 0 are not measured yet.",
  });

export type StreamHealth = z.infer<typeof streamHealth>;
