import { usernameProblem } from './username-rules.ts';
import { signUpProfileFields } from './auth.schemas.ts';

export type SignUpProblem = { code: string; message: string };

/**
 * Our rules for a sign-up body, checked before better-auth's own (which only says "Username is invalid"):
 * a username is required and reserved names are named as such; the display username can only be the
 * username as typed; the display name is checked like in settings; avatars are set after sign-up.
 */
export function signUpProblem(body: Record<string, unknown>): SignUpProblem | undefined {
  const { username, displayUsername, name, image } = body;
  if (typeof username !== 'string' || !username) return { code: 'USERNAME_REQUIRED', message: 'Choose a username.' };
  const problem = usernameProblem(username);
  if (problem) return problem;
  if (
    displayUsername !== undefined &&
    (typeof displayUsername !== 'string' || displayUsername.toLowerCase() !== username.toLowerCase())
  )
    return { code: 'INVALID_DISPLAY_USERNAME', message: 'The display username must be the username as you typed it.' };
  const profile = signUpProfileFields.safeParse({ name });
  if (!profile.success) return { code: 'INVALID_NAME', message: `Display name ${profile.error.issues[0]!.message}.` };
  if (image !== undefined)
    return { code: 'IMAGE_NOT_ALLOWED', message: 'Add a profile picture in your settings after signing up.' };
  return undefined;
}
