import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../../test/fixtures.ts';
import { DELETED_SENDER } from './account-deletion.service.ts';

const app = createApp();
const PASSWORD = 'correct-horse-battery';

const deleteRequest = (agent: request.Agent, password: string) =>
  agent.post('/api/account/delete').set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', testClientIp()).send({ password });

/** Every table row whose text (all columns) contains the needle, as "Table: row". */
async function rowsMentioning(needle: string): Promise<string[]> {
  const tables = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<Array<{ row: string }>>(
      `SELECT t::text AS row FROM "${name}" t WHERE t::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    found.push(...rows.map(({ row }) => `${name}: ${row.slice(0, 200)}`));
  }
  return found;
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { recursive: true }).catch(() => [] as string[]);
  return entries.map((entry) => path.join(directory, entry));
}

/** A finished broadcast of `hostId` with a recorded replay whose files are on disk. */
async function recordedBroadcast(hostId: string, title: string) {
  const stream = await prisma.stream.upsert({ where: { userId: hostId }, create: { userId: hostId, title }, update: { title } });
  const session = await prisma.streamSession.create({
    data: { streamId: stream.id, startedAt: new Date(Date.now() - 60_000), endedAt: new Date() },
  });
  const fileKey = `${hostId}/${session.id}.mp4`;
  const snapshotPrefix = `${hostId}/${session.id}/snapshot`;
  await fs.mkdir(path.join(env.RECORDINGS_DIR, hostId, session.id), { recursive: true });
  await fs.writeFile(path.join(env.RECORDINGS_DIR, fileKey), 'not really video');
  await fs.writeFile(path.join(env.RECORDINGS_DIR, `${snapshotPrefix}_00000.jpeg`), 'not really a picture');
  await prisma.replay.create({
    data: {
      sessionId: session.id,
      hostId,
      title,
      status: 'READY',
      storage: 'local',
      fileKey,
      snapshotPrefix,
      durationMs: 60_000,
    },
  });
  return session;
}

describe('deleting an account', () => {
  it('leaves no row and no file carrying the user’s id, email or name; their words elsewhere stay as "deleted user"', async () => {
    const leaver = await signedInAgent(app, 'leaver');
    const other = await signedInAgent(app, 'stayer');
    const { id, username, email } = leaver.user;

    // Their channel, broadcast and replay; someone else's broadcast they watched and chatted in.
    await recordedBroadcast(id, `${username} plays`);
    const othersBroadcast = await recordedBroadcast(other.user.id, 'Other show');
    await prisma.viewerPresence.createMany({
      data: [
        { sessionId: othersBroadcast.id, identity: id, joinedAt: new Date() },
        { sessionId: othersBroadcast.id, identity: `guest-${Date.now()}-x`, joinedAt: new Date() },
      ],
    });
    await prisma.chatMessage.createMany({
      data: [
        {
          hostId: other.user.id,
          senderIdentity: id,
          senderUserId: id,
          senderName: username,
          color: '#fff',
          body: 'hello from me',
        },
        {
          hostId: id,
          senderIdentity: other.user.id,
          senderUserId: other.user.id,
          senderName: other.user.username,
          color: '#fff',
          body: 'in my room',
        },
      ],
    });
    await prisma.chatSanction.create({
      data: { hostId: other.user.id, identity: id, kind: 'TIMEOUT', expiresAt: new Date(Date.now() + 60_000) },
    });
    await prisma.follow.createMany({
      data: [
        { followerId: id, followingId: other.user.id },
        { followerId: other.user.id, followingId: id },
      ],
    });
    await prisma.block.create({ data: { blockerId: id, blockedId: other.user.id } });
    await prisma.upload.create({ data: { ownerId: id, contentType: 'image/png', bytes: Buffer.from('png') } });
    // A failed sign-in (a limit counter under their name) and a reset link (a token row naming them).
    await request(app)
      .post('/api/auth/sign-in/username')
      .set('Origin', env.PUBLIC_URL)
      .set('X-Forwarded-For', testClientIp())
      .send({ username, password: 'wrong-password-here' });
    await request(app).post('/api/account/password-reset').set('Origin', env.PUBLIC_URL).send({ login: username });
    expect(await rowsMentioning(id)).not.toEqual([]);

    const wrong = await deleteRequest(leaver.agent, 'not-my-password');
    expect(wrong.status).toBe(400);
    expect(wrong.body.reason).toBe('WRONG_PASSWORD');
    const deleted = await deleteRequest(leaver.agent, PASSWORD);
    expect(deleted.status).toBe(204);

    for (const needle of [id, email, username]) expect(await rowsMentioning(needle)).toEqual([]);
    expect((await filesUnder(env.RECORDINGS_DIR)).filter((file) => file.includes(id))).toEqual([]);

    // The other channel's chat keeps the message, from nobody; their broadcast keeps an anonymous viewer.
    const kept = await prisma.chatMessage.findFirstOrThrow({ where: { hostId: other.user.id, body: 'hello from me' } });
    expect(kept).toMatchObject({ senderName: DELETED_SENDER.name, senderIdentity: DELETED_SENDER.identity, senderUserId: null });
    expect(await prisma.viewerPresence.count({ where: { sessionId: othersBroadcast.id } })).toBe(2);
    expect(await prisma.replay.count({ where: { hostId: other.user.id } })).toBe(1);

    // The session is gone, and signing in no longer works.
    expect((await leaver.agent.get('/api/account/sessions')).status).toBe(401);
    const signIn = await request(app)
      .post('/api/auth/sign-in/username')
      .set('Origin', env.PUBLIC_URL)
      .set('X-Forwarded-For', testClientIp())
      .send({ username, password: PASSWORD });
    expect(signIn.status).toBe(401);
  });

  it('answers two deletions at once with one 204 and a 4xx, never a 500', async () => {
    const { agent } = await signedInAgent(app, 'twice');
    const answers = await Promise.all([deleteRequest(agent, PASSWORD), deleteRequest(agent, PASSWORD)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(204);
    expect([401, 404]).toContain(statuses[1]);
  });

  it('needs a password, and a signed-in caller', async () => {
    const { agent } = await signedInAgent(app, 'keeper');
    expect((await agent.post('/api/account/delete').set('Origin', env.PUBLIC_URL).send({})).status).toBe(400);
    const anonymous = await request(app).post('/api/account/delete').set('Origin', env.PUBLIC_URL).send({ password: PASSWORD });
    expect(anonymous.status).toBe(401);
  });
});

describe('exporting an account', () => {
  it('downloads profile, follows, blocks, chat messages, replays and broadcasts, and no secrets', async () => {
    const { agent, user } = await signedInAgent(app, 'exporter');
    const other = await signedInAgent(app, 'followed');
    await recordedBroadcast(user.id, 'My first stream');
    await prisma.follow.create({ data: { followerId: user.id, followingId: other.user.id } });
    await prisma.block.create({ data: { blockerId: user.id, blockedId: other.user.id } });
    await prisma.chatMessage.create({
      data: {
        hostId: other.user.id,
        senderIdentity: user.id,
        senderUserId: user.id,
        senderName: user.username,
        color: '#fff',
        body: 'my words',
      },
    });

    const response = await agent.get('/api/account/export');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`attachment; filename="streamhouse-${user.username}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    expect(response.body.profile).toMatchObject({ id: user.id, email: user.email, username: user.displayUsername });
    expect(response.body.following).toEqual([{ username: other.user.displayUsername, since: expect.any(String) }]);
    expect(response.body.blocked).toEqual([{ username: other.user.displayUsername, since: expect.any(String) }]);
    expect(response.body.chatMessages).toEqual([
      { channel: other.user.displayUsername, body: 'my words', sentAt: expect.any(String), deletedAt: null },
    ]);
    expect(response.body.replays).toMatchObject([{ title: 'My first stream', status: 'READY', durationMs: 60_000 }]);
    expect(response.body.broadcasts).toHaveLength(1);
    expect(JSON.stringify(response.body)).not.toMatch(/password|streamKey|token|"\$2|scrypt/i);

    await fs.rm(path.join(env.RECORDINGS_DIR, user.id), { recursive: true, force: true });
    await prisma.replay.deleteMany({ where: { hostId: user.id } });
  });
});
