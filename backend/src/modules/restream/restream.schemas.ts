import { z } from 'zod';
import {
  RESTREAM_DESTINATIONS_MAX,
  RESTREAM_KEY_MAX_LENGTH,
  RESTREAM_NAME_MAX_LENGTH,
  RESTREAM_URL_MAX_LENGTH,
} from '@streamhouse/contract';

/** An ingest address as the platforms give it: rtmp(s)://host[:port]/app[/…], without the key. */
const ingestUrl = z
  .string()
  .trim()
  .max(RESTREAM_URL_MAX_LENGTH)
  .refine((value) => {
    if (!/^rtmps?:\/\/[^\s/?#]+\/[^\s?#]+$/i.test(value)) return false;
    return URL.canParse(value);
  }, 'must be an rtmp:// or rtmps:// address with its path, e.g. rtmp://live.twitch.tv/app')
  .transform((value) => value.replace(/\/+$/, ''));

export const destinationParams = z.object({ id: z.uuid({ error: 'is not a destination id' }) });

export const destinationBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'is required' }).max(RESTREAM_NAME_MAX_LENGTH),
  url: ingestUrl,
  /** Write-only: never returned. */
  streamKey: z
    .string()
    .trim()
    .min(1, { error: 'is required (from the platform’s stream settings)' })
    .max(RESTREAM_KEY_MAX_LENGTH)
    .regex(/^\S*$/, { error: 'must not contain spaces' }),
  enabled: z.boolean().default(true),
});
export type DestinationInput = z.infer<typeof destinationBody>;

export const destinationChange = destinationBody
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field');
export type DestinationChange = z.infer<typeof destinationChange>;

// ── Responses

export const restreamStatus = z.enum(['IDLE', 'STARTING', 'LIVE', 'FAILED']);

export const destination = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    /** The key's last characters, so the creator recognises it (the key itself is never sent back). */
    keyHint: z.string(),
    enabled: z.boolean(),
    status: restreamStatus,
    /** Why the destination refused or dropped the stream, when it did. */
    error: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RestreamDestination', description: 'Another platform the broadcast is sent on to.' });

export const destinationList = z
  .strictObject({
    items: z.array(destination),
    max: z.number().int(),
    /** Whether this server can restream at all (it needs the LiveKit egress service). */
    available: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'RestreamDestinations' });

export { RESTREAM_DESTINATIONS_MAX };
