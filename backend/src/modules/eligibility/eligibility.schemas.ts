import { z } from 'zod';

export const eligibility = z
  .strictObject({
    eligible: z.boolean(),
    /** A sentence for the creator when not eligible; null when they may go live. */
    reason: z.string().nullable(),
    followerCount: z.number().int().min(0),
    /** Followers needed before creating a stream key. */
    required: z.number().int().min(0),
  })
  .meta({ id: 'Eligibility', description: 'Whether the caller may create a stream key, and why not in words.' });

export type Eligibility = z.infer<typeof eligibility>;
