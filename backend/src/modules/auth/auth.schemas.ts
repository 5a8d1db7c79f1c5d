import { z } from 'zod';
import { displayNameSchema } from '../users/users.schemas.ts';

/** The profile fields sign-up may set besides credentials: the display name, nothing an admin sets. */
export const signUpProfileFields = z.object({ name: displayNameSchema });
