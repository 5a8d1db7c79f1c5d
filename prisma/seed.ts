/**
 * `pnpm db:seed`: demo creators with streams and follows, so a fresh site has something to show.
 * Idempotent: users that exist are left alone. Password for every demo account: streamhouse-demo
 */
import { openDevDatabase } from '../scripts/stack/dev-database.ts';
import { applyMigrations } from '../scripts/db/schema-engine.ts';

const DEMO_PASSWORD = 'streamhouse-demo';
const DEMO_USERS = [
  { username: 'Demo_Alice', bio: 'Speedruns and synthwave.', title: 'Any% practice — chat picks the route' },
  { username: 'Demo_Bob', bio: 'Cooking slow food, fast.', title: 'Sunday ramen from scratch' },
  { username: 'Demo_Carol', bio: 'Pixel art and chill.', title: 'Drawing your requests' },
];

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
await applyMigrations(database.url);

// Imported after DATABASE_URL is known: the backend parses its config on import.
const { auth } = await import('../backend/src/modules/auth/auth.service.ts');
const { prisma } = await import('../backend/src/lib/prisma.ts');

try {
  const ids: string[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { username: demo.username.toLowerCase() } });
    const user =
      existing ??
      (
        await auth.api.signUpEmail({
          body: {
            email: `${demo.username.toLowerCase()}@example.com`,
            password: DEMO_PASSWORD,
            name: demo.username,
            username: demo.username,
          },
        })
      ).user;
    await prisma.user.update({ where: { id: user.id }, data: { bio: demo.bio } });
    await prisma.stream.upsert({ where: { userId: user.id }, create: { userId: user.id, title: demo.title }, update: {} });
    ids.push(user.id);
    console.log(`${existing ? 'kept   ' : 'created'} ${demo.username}`);
  }
  // Everyone follows everyone else.
  for (const followerId of ids)
    for (const followingId of ids)
      if (followerId !== followingId)
        await prisma.follow.upsert({
          where: { followerId_followingId: { followerId, followingId } },
          create: { followerId, followingId },
          update: {},
        });
  console.log(`Demo accounts ready (password: ${DEMO_PASSWORD}).`);
} finally {
  await prisma.$disconnect();
  await database.close();
}
