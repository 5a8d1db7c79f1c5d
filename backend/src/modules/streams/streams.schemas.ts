import { z } from 'zod';
import { multiLineText, singleLineText } from '../../http/text-policy.ts';

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

export const TITLE_MAX_LENGTH = 140;
export const DESCRIPTION_MAX_LENGTH = 2000;

const titleSchema = singleLineText({ max: TITLE_MAX_LENGTH });

/** Newlines are kept; an empty description is stored as none. */
const descriptionSchema = multiLineText({ max: DESCRIPTION_MAX_LENGTH });

/** Thumbnails are images uploaded with POST /api/uploads (type and size are checked there); null removes it. */
const thumbnailUrlSchema = z
  .string({ error: 'must be an image URL from POST /api/uploads, or null' })
  .regex(/^\/api\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an image URL from POST /api/uploads')
  .nullable();

/** Any of the fields; the ones left out keep their value. */
export const streamInfoBody = z
  .object({ title: titleSchema, description: descriptionSchema, thumbnailUrl: thumbnailUrlSchema })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one of title, description or thumbnailUrl' });

export type StreamInfoChanges = z.infer<typeof streamInfoBody>;
