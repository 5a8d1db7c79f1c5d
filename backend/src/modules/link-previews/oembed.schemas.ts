import { z } from 'zod';

export const oEmbedQuery = z
  .object({
    /** A channel's watch page (`/:username/live`) or its embed page (`/embed/:username`) on this site. */
    url: z.url({ error: 'must be a URL' }).max(2048, 'must be at most 2048 characters'),
    maxwidth: z.coerce.number().int().min(16, 'must be at least 16').max(4096, 'must be at most 4096').optional(),
    maxheight: z.coerce.number().int().min(9, 'must be at least 9').max(4096, 'must be at most 4096').optional(),
    /** Only JSON: the discovery link on the watch page names it. */
    format: z.literal('json', { error: 'must be "json"' }).optional(),
  })
  .strict();

/** oEmbed 1.0 (https://oembed.com), type `video`: an iframe of the embeddable player. */
export const oEmbedVideo = z
  .strictObject({
    version: z.literal('1.0'),
    type: z.literal('video'),
    provider_name: z.string(),
    provider_url: z.string(),
    title: z.string(),
    author_name: z.string(),
    author_url: z.string(),
    html: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    thumbnail_url: z.string().optional(),
    thumbnail_width: z.number().int().optional(),
    thumbnail_height: z.number().int().optional(),
    /** How long a consumer may keep this answer (the title and live state change). */
    cache_age: z.number().int(),
  })
  .meta({ id: 'OEmbedVideo' });

export type OEmbedVideo = z.infer<typeof oEmbedVideo>;
