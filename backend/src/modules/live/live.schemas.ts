import { z } from 'zod';

/** GET /api/live/events?hostId=…: one creator's events, or everyone's when absent. */
export const liveEventsQuery = z
  .object({ hostId: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional() })
  .strict();
