import { api } from '@/lib/api-client.ts';

export type SessionUser = {
  id: string;
  name: string;
  username: string;
  displayUsername: string;
  email: string;
  image: string | null;
};

export async function getSession(): Promise<SessionUser | null> {
  const session = await api<{ user: SessionUser } | null>('/api/auth/get-session');
  return session?.user ?? null;
}

export async function signUp(input: { username: string; email: string; password: string }): Promise<SessionUser> {
  const result = await api<{ user: SessionUser }>('/api/auth/sign-up/email', {
    body: { ...input, name: input.username },
  });
  return result.user;
}

export async function signIn(input: { username: string; password: string }): Promise<SessionUser> {
  const result = await api<{ user: SessionUser }>('/api/auth/sign-in/username', { body: input });
  return result.user;
}

export async function signOut(): Promise<void> {
  await api('/api/auth/sign-out', { body: {} });
}

/** Whether a username can be had; a name against the rules (or reserved) answers ApiError with the reason. */
export async function isUsernameAvailable(username: string, signal?: AbortSignal): Promise<boolean> {
  const result = await api<{ available: boolean }>('/api/auth/is-username-available', { body: { username }, signal });
  return result.available;
}
