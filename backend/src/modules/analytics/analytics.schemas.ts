import { z } from 'zod';

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

export const sessionReports = z.strictObject({ items: z.array(sessionReport) }).meta({ id: 'SessionReports', description: 'Newest broadcast first.' });

export type SessionReport = z.infer<typeof sessionReport>;
