import { z } from 'zod';
import type { Request, Response } from 'express';
import { toNodeHandler } from 'better-auth/node';
import { apiRouter } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { auth, CLIENT_IP_HEADER } from './auth.service.ts';
import {
  currentSession,
  signedIn,
  signedOut,
  signInEmailBody,
  signInUsernameBody,
  signUpBody,
  usernameAvailability,
  usernameBody,
  resetPasswordBody,
  changePasswordBody,
  statusAnswer,
  verifyEmailQuery,
  passwordOnlyBody,
  twoFactorCodeBody,
  twoFactorSetup,
  backupCodesAnswer,
  twoFactorRequired,
} from './auth.schemas.ts';

/**
 * /api/auth: better-auth's endpoints. better-auth reads its own body, so this router is mounted before the
 * JSON parser. Limits run inside better-auth's hooks (auth.service.ts), on the path better-auth itself
 * resolved. The routes the site uses are declared (and documented) one by one; any other path still goes
 * to better-auth, which answers what it serves (with its own path normalisation) or 404.
 */
export const authApi = apiRouter('/api/auth', {
  tag: 'Accounts',
  description: 'Sign-up, sign-in and sessions (better-auth). The session is an httpOnly cookie.',
  readsOwnBody: true,
});

/** better-auth answers paths it does not serve with a bare 404; callers get the API's JSON 404 like everywhere else. */
const handleAuth = toNodeHandler(async (request: globalThis.Request) => {
  const response = await auth.handler(request);
  if (response.status !== 404 || response.headers.get('content-type')?.startsWith('application/json')) return response;
  return Response.json(
    { code: 'NOT_FOUND', message: `No route for ${request.method} ${new URL(request.url).pathname}.` },
    { status: 404 },
  );
});

function toBetterAuth(req: Request, res: Response): Promise<void> {
  // The address Express trusts (TRUST_PROXY), replacing anything the client sent under this name.
  req.headers[CLIENT_IP_HEADER] = req.ip ?? 'unknown';
  return handleAuth(req, res);
}

const json = (
  schema:
    | typeof signUpBody
    | typeof signInUsernameBody
    | typeof signInEmailBody
    | typeof usernameBody
    | typeof resetPasswordBody
    | typeof changePasswordBody
    | typeof passwordOnlyBody
    | typeof twoFactorCodeBody,
) => ({
  contentType: 'application/json',
  description: 'Read by better-auth.',
  schema,
});

const TOO_MANY_SIGN_INS =
  'Too many attempts for this account or from this network (`RATE_LIMITED`, with `retryAfterMs` and `Retry-After`).';
/** A password checked while signed in is a guess like a sign-in's, counted against the same limits. */
const TOO_MANY_PASSWORD_TRIES = `${TOO_MANY_SIGN_INS} Password checks count like sign-ins.`;

authApi.post('/sign-up/email', {
  summary: 'Create an account and sign in',
  requestBody: json(signUpBody),
  responses: { 200: signedIn },
  errors: {
    400: 'A rule is broken: `code` says which (`USERNAME_REQUIRED`, `INVALID_USERNAME`, `USERNAME_RESERVED`, `INVALID_NAME`, …).',
    422: 'The username or email is taken.',
    429: 'Too many new accounts from this network.',
  },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

/** Signed in, or (two-factor sign-in on) the password was right and a code comes next. */
const signInAnswer = z.union([signedIn, twoFactorRequired]);

authApi.post('/sign-in/username', {
  summary: 'Sign in with username and password',
  requestBody: json(signInUsernameBody),
  responses: { 200: signInAnswer },
  errors: { 400: 'The body is not valid.', 401: 'Wrong username or password.', 429: TOO_MANY_SIGN_INS },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/sign-in/email', {
  summary: 'Sign in with email and password',
  requestBody: json(signInEmailBody),
  responses: { 200: signInAnswer },
  errors: { 400: 'The body is not valid.', 401: 'Wrong email or password.', 429: TOO_MANY_SIGN_INS },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/sign-out', {
  summary: 'Sign out',
  security: [security.session],
  responses: { 200: signedOut },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.get('/get-session', {
  summary: 'The current session',
  security: [security.anonymous, security.session],
  responses: { 200: currentSession },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/is-username-available', {
  summary: 'Whether a username is free',
  requestBody: json(usernameBody),
  responses: { 200: usernameAvailability },
  errors: { 400: 'Against the rules (`INVALID_USERNAME`) or reserved (`USERNAME_RESERVED`): `message` says why.' },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/reset-password', {
  summary: 'Set a new password with the token from a reset mail',
  description:
    'The token works once, for 30 minutes (POST /api/account/password-reset mails it). Every session of the account ends; the owner gets a mail saying the password changed.',
  security: [security.anonymous],
  requestBody: json(resetPasswordBody),
  responses: { 200: statusAnswer },
  errors: { 400: 'The token is wrong, used or expired (`INVALID_TOKEN`), or the password breaks a rule.' },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/change-password', {
  summary: 'Change your password',
  description: 'With the current one. The owner gets a mail saying the password changed.',
  security: [security.session],
  requestBody: json(changePasswordBody),
  responses: { 200: signedIn },
  errors: {
    400: 'The current password is wrong (`INVALID_PASSWORD`), or the new one breaks a rule.',
    401: 'Not signed in.',
    429: TOO_MANY_PASSWORD_TRIES,
  },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.get('/verify-email', {
  summary: 'Confirm an email address (the link in the mail)',
  description: 'Redirects to the settings page, with `error=` when the link is wrong or expired.',
  security: [security.anonymous, security.session],
  query: verifyEmailQuery,
  responses: { 302: { description: 'To the settings page.' } },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

const TOO_MANY_CODES =
  'Too many codes tried: from this network (`RATE_LIMITED`), or for this account (`ACCOUNT_TEMPORARILY_LOCKED`).';

authApi.post('/two-factor/enable', {
  summary: 'Start setting up two-factor sign-in',
  description:
    'With the password. Answers the app secret (as an otpauth:// URI) and backup codes; it is on once a first code is entered (verify-totp).',
  security: [security.session],
  requestBody: json(passwordOnlyBody),
  responses: { 200: twoFactorSetup },
  errors: { 400: 'Wrong password (`INVALID_PASSWORD`), or already on.', 401: 'Not signed in.', 429: TOO_MANY_PASSWORD_TRIES },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/two-factor/verify-totp', {
  summary: 'Enter a code from the authenticator app',
  description: 'Finishes a sign-in (after the password), or turns two-factor sign-in on (after enable).',
  security: [security.anonymous, security.session],
  requestBody: json(twoFactorCodeBody),
  responses: { 200: signedIn },
  errors: {
    400: 'Too many wrong codes for this sign-in: start again.',
    401: 'Wrong code (`INVALID_CODE`), or no sign-in waiting for one.',
    429: TOO_MANY_CODES,
  },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/two-factor/verify-backup-code', {
  summary: 'Finish a sign-in with a backup code instead',
  description: 'Each code works once.',
  security: [security.anonymous],
  requestBody: json(twoFactorCodeBody),
  responses: { 200: signedIn },
  errors: { 401: 'Wrong or used code, or no sign-in waiting for one.', 429: TOO_MANY_CODES },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/two-factor/generate-backup-codes', {
  summary: 'Replace the backup codes',
  description: 'With the password; the old codes stop working.',
  security: [security.session],
  requestBody: json(passwordOnlyBody),
  responses: { 200: backupCodesAnswer },
  errors: { 400: 'Wrong password, or two-factor sign-in is off.', 401: 'Not signed in.', 429: TOO_MANY_PASSWORD_TRIES },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/two-factor/disable', {
  summary: 'Turn two-factor sign-in off',
  security: [security.session],
  requestBody: json(passwordOnlyBody),
  responses: { 200: statusAnswer },
  errors: { 400: 'Wrong password (`INVALID_PASSWORD`).', 401: 'Not signed in.', 429: TOO_MANY_PASSWORD_TRIES },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.post('/passkey/sign-in', {
  summary: 'Sign in with a passkey',
  description: 'The authenticator’s answer to POST /api/account/passkeys/sign-in-options (its challenge is used once).',
  security: [security.anonymous],
  requestBody: {
    contentType: 'application/json',
    description: 'Read by better-auth.',
    schema: z.object({ challengeId: z.string(), response: z.looseObject({ id: z.string() }) }),
  },
  responses: { 200: signedIn },
  errors: { 401: 'The passkey did not check out, or its challenge expired (`PASSKEY_FAILED`).', 429: TOO_MANY_CODES },
  handler: (_input, req, res) => toBetterAuth(req, res),
});

authApi.all('/{*rest}', {
  summary: "better-auth's other endpoints",
  hidden: true,
  responses: {},
  errors: {
    400: 'Refused.',
    401: 'Not signed in, or wrong credentials.',
    403: 'Refused.',
    404: 'Not served.',
    422: 'Refused.',
    429: 'Rate limited.',
  },
  handler: (_input, req, res) => toBetterAuth(req, res),
});
