import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import pg from 'pg';

export type TestUser = { id: string; username: string; email: string; password: string };

/** Unique per run, within the 24-character username limit. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 24);
}

/**
 * Signs up through the real API; the request context keeps the session cookie. The user's broadcasts are not
 * recorded unless `recorded` is set: each recording is an egress re-encoding video beside the ingress, which only
 * the tests about recordings should pay for.
 */
export async function signUpViaApi(
  request: APIRequestContext,
  prefix: string,
  options: { recorded?: boolean } = {},
): Promise<TestUser> {
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
  if (!options.recorded) {
    const settings = await request.put('/api/recordings/settings', { data: { recordingEnabled: false } });
    if (!settings.ok()) throw new Error(`turning recording off failed: ${settings.status()} ${await settings.text()}`);
  }
  return { ...user, id: body.user.id };
}

/** Removes users a test created (their streams, follows and sessions go with them). */
export async function deleteUsers(ids: string[]): Promise<void> {
  if (!ids.length) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // The backend's live-state transactions lock a stream row first; taking the same locks first here means a
    // webhook still arriving for a stream that just ended waits for this deletion (or this waits for it) instead
    // of deadlocking with the cascade (seen: "deadlock detected" between this DELETE and a go-offline UPDATE).
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM "Stream" WHERE "userId" = ANY($1) ORDER BY id FOR UPDATE', [ids]);
    await client.query('DELETE FROM "User" WHERE id = ANY($1)', [ids]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
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

/**
 * A finished broadcast of `hostId`, written straight into the test database: `viewers` stays (minutes from the
 * start, with where each viewer came from), chat messages at the given minutes, and followers gained at minute 1.
 * Returns the broadcast (session) id.
 */
export async function seedBroadcast(
  hostId: string,
  broadcast: {
    minutes: number;
    viewers: { from: number; to: number; source: string | null }[];
    chatAt: number[];
    followerIds: string[];
  },
): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const startedAt = Date.now() - (broadcast.minutes + 5) * 60_000;
  const at = (minute: number) => new Date(startedAt + minute * 60_000);
  try {
    const stream = await client.query<{ id: string }>(
      `INSERT INTO "Stream" ("id", "userId", "title", "updatedAt") VALUES (gen_random_uuid(), $1, 'Sunday ramen', now())
       ON CONFLICT ("userId") DO UPDATE SET "title" = EXCLUDED."title" RETURNING "id"`,
      [hostId],
    );
    const session = await client.query<{ id: string }>(
      `INSERT INTO "StreamSession" ("id", "streamId", "startedAt", "endedAt") VALUES (gen_random_uuid(), $1, $2, $3) RETURNING "id"`,
      [stream.rows[0]!.id, at(0), at(broadcast.minutes)],
    );
    const sessionId = session.rows[0]!.id;
    for (const [index, viewer] of broadcast.viewers.entries())
      await client.query(
        `INSERT INTO "ViewerPresence" ("id", "sessionId", "identity", "joinedAt", "leftAt", "source") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
        [sessionId, `guest-1-${String(index).padStart(8, '0')}`, at(viewer.from), at(viewer.to), viewer.source],
      );
    for (const minute of broadcast.chatAt)
      await client.query(
        `INSERT INTO "ChatMessage" ("id", "hostId", "senderIdentity", "senderName", "color", "body", "createdAt") VALUES (gen_random_uuid(), $1, 'guest-1-00000000', 'Guest', '#a78bfa', 'hi', $2)`,
        [hostId, at(minute)],
      );
    for (const followerId of broadcast.followerIds)
      await client.query(`INSERT INTO "Follow" ("followerId", "followingId", "createdAt") VALUES ($1, $2, $3)`, [
        followerId,
        hostId,
        at(1),
      ]);
    return sessionId;
  } finally {
    await client.end();
  }
}
