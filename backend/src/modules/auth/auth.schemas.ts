import { z } from 'zod';
import { displayNameSchema } from '../users/users.schemas.ts';

/** better-auth validates sign-in bodies itself; the limiter only needs the name being tried. */
export const signInAttemptBody = z
  .object({ username: z.string().max(320).optional().catch(undefined), email: z.string().max(320).optional().catch(undefined) })
  .catch({});

/** The profile fields sign-up may set besides credentials: the display name, nothing an admin sets. */
export const signUpProfileFields = z.object({ name: displayNameSchema });
