import { z } from 'zod';

/** Every error answer: `{code, message}` plus details such as `fields`, `reason` or `retryAfterMs`. */
export const errorBody = z
  .looseObject({
    /** Stable, for programs: `VALIDATION_FAILED`, `UNAUTHENTICATED`, `RATE_LIMITED`, … */
    code: z.string(),
    /** A sentence for people. */
    message: z.string(),
    /** With `VALIDATION_FAILED`: each bad field and what is wrong with it. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** A finer cause, e.g. `FOLLOWERS_ONLY`, `SLOW_MODE`, `CROSS_ORIGIN`. */
    reason: z.string().optional(),
    /** With `RATE_LIMITED` (and a `Retry-After` header) or a timeout: when to try again. */
    retryAfterMs: z.number().optional(),
  })
  .meta({ id: 'Error', description: 'Every error answer has this shape.' });

export type ErrorBody = z.infer<typeof errorBody>;
