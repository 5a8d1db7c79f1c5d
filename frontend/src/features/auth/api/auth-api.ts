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

export async function signIn(input: { username: string; password: string }): Promise<SessionUser> {
  const result = await unwrap(client.POST('/api/auth/sign-in/username', { body: input }));
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
