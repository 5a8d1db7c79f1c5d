import { z } from 'zod';
import { VIEWER_SOURCES } from '@streamhouse/contract';

export const sessionsQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be 1 or more').max(100, 'must be 100 or less').default(20),
});

// ── Responses

export const sessionReport = z
  .strictObject({
    id: z.string(),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    isLive: z.boolean(),
    durationSeconds: z.number().int().min(0),
    peakViewers: z.number().int().min(0),
    /** Viewers on average over the broadcast, one decimal. */
    averageViewers: z.number().min(0),
    uniqueViewers: z.number().int().min(0),
    totalWatchSeconds: z.number().int().min(0),
    averageWatchSeconds: z.number().int().min(0),
    chatMessages: z.number().int().min(0),
  })
  .meta({ id: 'SessionReport', description: "One broadcast's viewer and chat figures." });

export const sessionReports = z
  .strictObject({ items: z.array(sessionReport) })
  .meta({ id: 'SessionReports', description: 'Newest broadcast first.' });

export type SessionReport = z.infer<typeof sessionReport>;

export const sessionParams = z.strictObject({ sessionId: z.uuid({ error: 'must be a broadcast id' }) });

const viewerSource = z.enum(VIEWER_SOURCES).meta({ id: 'ViewerSource', description: 'Where a viewer opened the stream from.' });

export const sessionDetail = z
  .strictObject({
    session: sessionReport,
    title: z.string().meta({ description: 'The stream title now (titles are not kept per broadcast).' }),
    /** Buckets of at least 15 s (at most 240), each the most viewers at any instant in it. */
    viewers: z.array(z.strictObject({ at: z.iso.datetime(), viewers: z.number().int().min(0) })),
    /** Chat messages in each minute from the start, every minute present. */
    chatPerMinute: z.array(z.number().int().min(0)),
    newFollowers: z.number().int().min(0).meta({ description: 'Follows of the creator made during the broadcast.' }),
    /** Viewers by where they first came from; `source: null` when the viewer's app did not say. */
    sources: z.array(z.strictObject({ source: viewerSource.nullable(), viewers: z.number().int().min(1) })),
  })
  .meta({
    id: 'SessionDetail',
    description: "One broadcast's charts: viewers over time, chat per minute, new followers and where viewers came from.",
  });

export type SessionDetail = z.infer<typeof sessionDetail>;
