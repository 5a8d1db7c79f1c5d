import { z } from 'zod';

export const sessionsQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be 1 or more').max(100, 'must be 100 or less').default(20),
});
