/**
 * Go-live notifications: a creator with 50,000 followers goes live (LiveKit's signed webhook, as in production)
 * and every follower gets a notification in the go-live transaction — one set-based INSERT … SELECT. Timed as a
 * ratio to references measured in the same run on the same database:
 *   - the same go-live by a creator with no followers (what going live costs without the fan-out);
 *   - a plain INSERT … SELECT of the same 50,000 follows into an unindexed scratch table (what writing 50,000
 *     rows costs at all, without the unique key, indexes, foreign keys and the mute/block anti-joins).
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BenchContext, BenchResult } from './context.ts';
import { median } from './context.ts';

const FOLLOWERS = 50_000;
const ROUNDS = 5;

let clock = Math.floor(Date.now() / 1000) - 600;

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/** The Authorization header livekit-server sends: an HS256 JWT whose sha256 claim is the body's hash. */
function signedWebhook(context: BenchContext, event: Record<string, unknown>): { body: string; authorization: string } {
  clock += 1;
  const body = JSON.stringify({ id: `EV_${randomBytes(8).toString('hex')}`, createdAt: String(clock), ...event });
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      iss: context.env.LIVEKIT_API_KEY,
      nbf: now - 5,
      exp: now + 300,
      sha256: createHash('sha256').update(body).digest('base64'),
    }),
  );
  const signature = createHmac('sha256', context.env.LIVEKIT_API_SECRET!).update(`${header}.${claims}`).digest('base64url');
  return { body, authorization: `${header}.${claims}.${signature}` };
}

async function ingress(context: BenchContext, event: 'ingress_started' | 'ingress_ended', hostId: string): Promise<number> {
  const webhook = signedWebhook(context, {
    event,
    ingressInfo: {
      ingressId: `IN_${hostId.slice(0, 8)}`,
      roomName: hostId,
      participantIdentity: hostId,
      inputType: 'RTMP_INPUT',
    },
  });
  const started = performance.now();
  const response = await fetch(`${context.baseUrl}/api/webhook/livekit`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/webhook+json', Authorization: webhook.authorization },
    body: webhook.body,
  });
  const elapsed = performance.now() - started;
  const answer = (await response.json()) as { outcome?: string };
  if (response.status !== 200 || answer.outcome !== 'applied')
    throw new Error(`webhook ${event}: ${response.status} ${JSON.stringify(answer)}`);
  return elapsed;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const db = new pg.Client({ connectionString: context.env.DATABASE_URL });
  await db.connect();
  const tag = randomBytes(3).toString('hex');
  const star = randomUUID();
  const quiet = randomUUID();
  try {
    // Seeding: two creators, 50,000 users and their follows, each one generate_series statement.
    await db.query(
      `INSERT INTO "User" ("id", "username", "displayUsername", "name", "email", "updatedAt")
       VALUES ($1, $2, $2, 'Star', $2 || '@example.test', now()), ($3, $4, $4, 'Quiet', $4 || '@example.test', now())`,
      [star, `nstar_${tag}`, quiet, `nquiet_${tag}`],
    );
    const seeded = await timed(async () => {
      await db.query(
        `INSERT INTO "User" ("id", "username", "displayUsername", "name", "email", "updatedAt")
         SELECT gen_random_uuid()::text, 'nfan_' || $1 || '_' || i, 'nfan_' || $1 || '_' || i, 'Fan ' || i,
                'nfan_' || $1 || '_' || i || '@example.test', now()
         FROM generate_series(1, $2::int) AS i`,
        [tag, FOLLOWERS],
      );
      await db.query(
        `INSERT INTO "Follow" ("followerId", "followingId") SELECT "id", $1 FROM "User" WHERE "username" LIKE 'nfan\\_' || $2 || '\\_%'`,
        [star, tag],
      );
    });
    await db.query('ANALYZE "User"; ANALYZE "Follow"; ANALYZE "Notification"');
    await db.query('DROP TABLE IF EXISTS "BenchScratch"');
    await db.query(
      'CREATE TABLE "BenchScratch" ("id" text, "userId" text, "hostId" text, "sessionId" text, "title" text, "createdAt" timestamp(3))',
    );
    console.log(`  seeded ${FOLLOWERS} followers in ${(seeded / 1000).toFixed(1)} s`);

    const fanOut: number[] = [];
    const bare: number[] = [];
    const scratch: number[] = [];
    const written: number[] = [];
    // Warm-up round (plans, caches), not counted.
    for (let round = -1; round < ROUNDS; round++) {
      await db.query('DELETE FROM "Notification" WHERE "hostId" = $1', [star]);
      await db.query('TRUNCATE "BenchScratch"');
      const scratchMs = await timed(() =>
        db.query(
          `INSERT INTO "BenchScratch" SELECT gen_random_uuid()::text, f."followerId", $1, $2, 'title', now()
           FROM "Follow" f WHERE f."followingId" = $1`,
          [star, randomUUID()],
        ),
      );
      const bareMs = await ingress(context, 'ingress_started', quiet);
      await ingress(context, 'ingress_ended', quiet);
      const fanOutMs = await ingress(context, 'ingress_started', star);
      await ingress(context, 'ingress_ended', star);
      const { rows } = await db.query<{ count: number }>(
        'SELECT COUNT(*)::int AS "count" FROM "Notification" WHERE "hostId" = $1',
        [star],
      );
      if (round < 0) continue;
      fanOut.push(fanOutMs);
      bare.push(bareMs);
      scratch.push(scratchMs);
      written.push(rows[0]!.count);
      console.log(
        `  round ${round + 1}: go-live with fan-out ${fanOutMs.toFixed(0)} ms, bare go-live ${bareMs.toFixed(0)} ms, scratch insert ${scratchMs.toFixed(0)} ms`,
      );
    }
    const all = written.every((count) => count === FOLLOWERS);
    const [fanOutMs, bareMs, scratchMs] = [median(fanOut), median(bare), median(scratch)];
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    const headlines = [
      {
        measure: `Go-live notifications to ${FOLLOWERS.toLocaleString('en')} followers`,
        figure: `${ms(fanOutMs)} for the go-live webhook`,
        reference: `${(fanOutMs / bareMs).toFixed(1)}× the same webhook with no followers (${ms(bareMs)})`,
      },
    ];
    const section = `## Go-live notifications (fan-out to ${FOLLOWERS.toLocaleString('en')} followers)

A creator with ${FOLLOWERS.toLocaleString('en')} followers goes live through LiveKit's signed webhook (\`ingress_started\`), as in
production: the go-live transaction writes one notification per follower with ONE set-based \`INSERT … SELECT\` from
\`Follow\` (leaving out mutes and blocks, \`ON CONFLICT (userId, sessionId) DO NOTHING\`) and raises one NOTIFY for the
broadcast. Medians of ${ROUNDS} rounds after a warm-up, each a new broadcast; the followers were seeded with one
\`generate_series\` insert. References from the same run and database: the same webhook for a creator with no
followers, and a plain \`INSERT … SELECT\` of the same ${FOLLOWERS.toLocaleString('en')} follows into an unindexed scratch table.

| | Median | Ratio |
|---|---|---|
| Go-live webhook, no followers (reference) | ${ms(bareMs)} | 1.00× |
| Plain INSERT … SELECT of ${FOLLOWERS.toLocaleString('en')} rows, scratch table (reference) | ${ms(scratchMs)} | |
| **Go-live webhook with fan-out to ${FOLLOWERS.toLocaleString('en')}** | **${ms(fanOutMs)}** | **${(fanOutMs / bareMs).toFixed(1)}× the bare go-live** |
| Fan-out's extra time ÷ plain insert | ${ms(fanOutMs - bareMs)} | **${((fanOutMs - bareMs) / scratchMs).toFixed(2)}×** |

Every round wrote exactly ${FOLLOWERS.toLocaleString('en')} notifications: ${all ? 'yes' : `no (${written.join(', ')})`}.
The fan-out's cost over a plain insert is the unique (userId, sessionId) key, two indexes, three foreign keys and
the anti-joins; a loop of single inserts from Node would be ${FOLLOWERS.toLocaleString('en')} round trips instead of one.
`;
    return { section, headlines };
  } finally {
    await db.query('DROP TABLE IF EXISTS "BenchScratch"').catch(() => undefined);
    await db
      .query(`DELETE FROM "User" WHERE "username" LIKE 'nfan\\_' || $1 || '\\_%' OR "id" IN ($2, $3)`, [tag, star, quiet])
      .catch(() => undefined);
    await db.end();
  }
}
