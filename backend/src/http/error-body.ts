import { z } from 'zod';
import { ERROR_REASON_NAMES, ERROR_REASONS } from '@streamhouse/contract';

export const errorReason = z.enum(ERROR_REASON_NAMES).meta({
  id: 'ErrorReason',
  description: `Why a request was refused, finer than its code:\n${Object.entries(ERROR_REASONS)
    .map(([name, when]) => `- \`${name}\`: ${when}`)
    .join('\n')}`,
});

/** Every error answer: `{code, message}` plus details such as `fields`, `reason` or `retryAfterMs`. */
export const errorBody = z
  .looseObject({
    /** Stable, for programs: `VALIDATION_FAILED`, `UNAUTHENTICATED`, `RATE_LIMITED`, … */
    code: z.string(),
    /** A sentence for people. */
    message: z.string(),
    /** With `VALIDATION_FAILED`: each bad field and what is wrong with it. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** A finer cause, from one closed list (ErrorReason). */
    reason: errorReason.optional(),
    /** With `RATE_LIMITED` (and a `Retry-After` header) or a timeout: when to try again. */
    retryAfterMs: z.number().optional(),
  })
  .meta({ id: 'Error', description: 'Every error answer has this shape.' });

export type ErrorBody = z.infer<typeof errorBody>;
