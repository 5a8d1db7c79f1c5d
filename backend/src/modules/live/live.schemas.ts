import { z } from 'zod';

/** GET /api/live/events?hostId=…: one creator's events, or everyone's when absent. */
export const liveEventsQuery = z
  .object({
    hostId: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
    /**
     * `include`: live events and, with a session, the signed-in user's own notifications (NotificationEvent) — the
     * site's one stream per browser. `only`: just the notifications; 401 for guests.
     */
    notifications: z.enum(['include', 'only'], { message: 'must be "include" or "only"' }).optional(),
  })
  .strict();

export const webhookOutcome = z
  .strictObject({
    /** For logs and tests; LiveKit only needs the 2xx. */
    outcome: z.enum(['applied', 'duplicate', 'stale', 'ignored', 'refused']),
  })
  .meta({
    id: 'WebhookOutcome',
    description: 'What happened to the delivery: applied, a repeat, older than what is applied, or not about a stream.',
  });

export type WebhookOutcome = z.infer<typeof webhookOutcome>['outcome'];
