import { z } from 'zod';
import { singleLineText } from '../../http/text-policy.ts';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(10_000).default(1),
  limit: z.coerce.number().int().min(1, 'must be 1 or more').max(50, 'must be 50 or less').default(12),
});

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50, 'must be 50 or less').default(12),
});

export const searchQuery = z.object({
  q: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'type something to search for')
    .pipe(singleLineText({ max: 50, min: 1 })),
  limit: z.coerce.number().int().min(1).max(50, 'must be 50 or less').default(20),
});

export const usernameParams = z.object({
  username: z.string().trim().min(1).max(64),
});

export type PageQuery = z.infer<typeof pageQuery>;
