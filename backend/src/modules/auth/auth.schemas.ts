import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '@streamhouse/contract';
import { displayNameSchema } from '../users/users.schemas.ts';

/** The profile fields sign-up may set besides credentials: the display name, nothing an admin sets. */
export const signUpProfileFields = z.object({ name: displayNameSchema });

// better-auth reads and checks these bodies itself (with our rules in its hooks, see auth.service.ts);
// the schemas below describe them for the OpenAPI document.

const username = z
  .string()
  .min(USERNAME_MIN_LENGTH)
  .max(USERNAME_MAX_LENGTH)
  .meta({ description: 'Letters, digits and underscores.' });
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const signUpBody = z
  .object({
    email: z.email(),
    password,
    username,
    /** Shown everywhere; defaults to the username. */
    name: displayNameSchema,
    /** Only the username as typed (any case). */
    displayUsername: z.string().optional(),
  })
  .meta({ id: 'SignUp' });

export const signInUsernameBody = z
  .object({ username: z.string(), password: z.string(), rememberMe: z.boolean().optional() })
  .meta({ id: 'SignInWithUsername' });
export const signInEmailBody = z
  .object({ email: z.string(), password: z.string(), rememberMe: z.boolean().optional() })
  .meta({ id: 'SignInWithEmail' });
export const usernameBody = z.object({ username: z.string() });
export const resetPasswordBody = z
  .object({ token: z.string().meta({ description: 'From the mailed link.' }), newPassword: password })
  .meta({ id: 'ResetPassword' });
export const changePasswordBody = z
  .object({
    currentPassword: z.string(),
    newPassword: password,
    /** Sign out every other session (this one gets a new session cookie). */
    revokeOtherSessions: z.boolean().optional(),
  })
  .meta({ id: 'ChangePassword' });
export const verifyEmailQuery = z.object({ token: z.string(), callbackURL: z.string().optional() });

// ── Responses (better-auth's; it may add fields, so these are not strict)

export const sessionUser = z
  .looseObject({
    id: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    /** The display name. */
    name: z.string(),
    image: z.string().nullable().optional(),
    /** Lower-cased: the key lookups use. */
    username: z.string(),
    /** As the user typed it: shown everywhere. */
    displayUsername: z.string(),
    /** Sign-in asks for a code from an authenticator app. */
    twoFactorEnabled: z.boolean().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SessionUser', description: 'The signed-in account.' });

export const signedIn = z
  .looseObject({ token: z.string().nullable(), user: sessionUser })
  .meta({ id: 'SignedIn', description: 'Signed in: the session cookie is set (`Set-Cookie`).' });

export const currentSession = z
  .looseObject({
    session: z.looseObject({ id: z.string(), userId: z.string(), expiresAt: z.iso.datetime() }),
    user: sessionUser,
  })
  .nullable()
  .meta({ id: 'CurrentSession', description: 'The session and its user; null when signed out.' });

export const signedOut = z
  .looseObject({ success: z.boolean() })
  .meta({ description: 'Signed out: the session is ended on the server and the cookie cleared.' });

export const statusAnswer = z.looseObject({ status: z.boolean() }).meta({ description: 'Done.' });

export const usernameAvailability = z.looseObject({ available: z.boolean() }).meta({ description: 'Whether nobody has it yet' });

// ── Two-factor sign-in (better-auth's two-factor plugin: an authenticator app, and backup codes)

export const passwordOnlyBody = z.object({ password: z.string() }).meta({ id: 'PasswordConfirmation' });
export const twoFactorCodeBody = z
  .object({
    code: z.string(),
    /** Skip the code on this browser for 30 days. */
    trustDevice: z.boolean().optional(),
  })
  .meta({ id: 'TwoFactorCode' });
export const twoFactorSetup = z
  .looseObject({
    /** otpauth:// URI for the authenticator app (shown as a QR code). */
    totpURI: z.string(),
    /** Single-use codes for when the app is not at hand: shown once. */
    backupCodes: z.array(z.string()),
  })
  .meta({ id: 'TwoFactorSetup' });
export const backupCodesAnswer = z
  .looseObject({ status: z.boolean(), backupCodes: z.array(z.string()) })
  .meta({ id: 'BackupCodes' });
export const twoFactorRequired = z
  .looseObject({ twoFactorRedirect: z.literal(true) })
  .meta({ id: 'TwoFactorRequired', description: 'The password was right; now a code (POST /api/auth/two-factor/verify-totp).' });
