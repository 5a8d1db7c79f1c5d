import { z } from 'zod';

const backendUrls = z
  .string()
  .transform((value) => value.split(','))
  .pipe(z.tuple([z.url(), z.url()]));

/**
 * The two backend processes `pnpm test` starts beside the in-process apps (scripts/test.ts): one database and one
 * LiveKit between them, as behind a load balancer. Tests reach them over HTTP only.
 */
export function backendInstances(): [string, string] {
  const parsed = backendUrls.safeParse(process.env.BACKEND_URLS);
  if (!parsed.success)
    throw new Error(
      'BACKEND_URLS must name two running backends: run these tests through `pnpm test --backend-only`, which starts them.',
    );
  return parsed.data;
}
