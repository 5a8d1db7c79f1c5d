import { z } from 'zod';
import { hasVisibleText } from '../../http/text-policy.ts';

export const guestNameSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(24, 'must be at most 24 characters')
  .regex(/^[\p{L}\p{N} _.-]+$/u, 'may use letters, digits, spaces, _ . and -')
  .refine(hasVisibleText, 'must contain visible characters');

export const viewerTokenBody = z
  .object({
    hostId: z.string().trim().min(1).max(64).optional(),
    username: z.string().trim().min(1).max(64).optional(),
    guestName: guestNameSchema.optional(),
  })
  .strict()
  .refine((body) => Boolean(body.hostId) !== Boolean(body.username), {
    message: 'give exactly one of hostId or username',
  });

export type ViewerTokenBody = z.infer<typeof viewerTokenBody>;
