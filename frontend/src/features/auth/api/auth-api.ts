import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type SessionUser = Schema<'SessionUser'>;

export async function getSession(): Promise<SessionUser | null> {
  const session = await unwrap(client.GET('/api/auth/get-session'));
  return session?.user ?? null;
}

export async function signUp(input: { username: string; email: string; password: string }): Promise<SessionUser> {
  const result = await unwrap(client.POST('/api/auth/sign-up/email', { body: { ...input, name: input.username } }));
  return result.user;
}

/** Signed in, or the password was right and two-factor sign-in wants a code next (verifySignInCode). */
export type SignInResult = { kind: 'signed-in'; user: SessionUser } | { kind: 'code-needed' };

export async function signIn(input: { username: string; password: string }): Promise<SignInResult> {
  const result = await unwrap(client.POST('/api/auth/sign-in/username', { body: input }));
  return 'user' in result ? { kind: 'signed-in', user: result.user as SessionUser } : { kind: 'code-needed' };
}

/** The second step of a two-factor sign-in: a code from the authenticator app, or a backup code. */
export async function verifySignInCode(code: string, options: { backup: boolean; trustDevice: boolean }): Promise<SessionUser> {
  const body = { code, trustDevice: options.trustDevice };
  const result = await unwrap(
    options.backup
      ? client.POST('/api/auth/two-factor/verify-backup-code', { body })
      : client.POST('/api/auth/two-factor/verify-totp', { body }),
  );
  return result.user;
}

export async function signOut(): Promise<void> {
  await unwrap(client.POST('/api/auth/sign-out'));
}

/** Whether a username can be had; a name against the rules (or reserved) answers ApiError with the reason. */
export async function isUsernameAvailable(username: string, signal?: AbortSignal): Promise<boolean> {
  const result = await unwrap(client.POST('/api/auth/is-username-available', { body: { username }, signal }));
  return result.available;
}

/** Signs in with a passkey the browser offers (no username or password). */
export async function signInWithPasskey(): Promise<SessionUser> {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  const { challengeId, options } = await unwrap(client.POST('/api/account/passkeys/sign-in-options'));
  const response = await startAuthentication({
    optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
  });
  const result = await unwrap(client.POST('/api/auth/passkey/sign-in', { body: { challengeId, response: { ...response } } }));
  return result.user;
}
