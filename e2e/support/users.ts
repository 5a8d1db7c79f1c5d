import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import pg from 'pg';

export type TestUser = { id: string; username: string; email: string; password: string };

/** Unique per run, within the 24-character username limit. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 24);
}

/** Signs up through the real API; the request context keeps the session cookie. */
export async function signUpViaApi(request: APIRequestContext, prefix: string): Promise<TestUser> {
  const username = uniqueUsername(prefix);
  const user = { username, email: `${username}@example.test`, password: 'correct-horse-battery' };
  // A made-up client address per account (the test backend trusts its loopback proxy), so the per-address
  // sign-up limit counts each test user as its own household rather than the whole run as one.
  const response = await request.post('/api/auth/sign-up/email', {
    data: { ...user, name: username },
    headers: { 'X-Forwarded-For': `10.${randomBytes(3).join('.')}` },
  });
  if (!response.ok()) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { ...user, id: body.user.id };
}

/** Removes users a test created (their streams, follows and sessions go with them). */
export async function deleteUsers(ids: string[]): Promise<void> {
  if (!ids.length) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('DELETE FROM "User" WHERE id = ANY($1)', [ids]);
  } finally {
    await client.end();
  }
}

/** What `pnpm admin:grant <username>` does, straight in the test database. */
export async function makeAdmin(id: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('UPDATE "User" SET "isAdmin" = true WHERE id = $1', [id]);
  } finally {
    await client.end();
  }
}
