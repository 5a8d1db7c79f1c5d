/**
 * `pnpm admin:grant <username>`: makes a user an admin (they approve creators at /admin/creators). Works on the
 * database the dev commands use (DATABASE_URL, or the embedded dev database; in production DATABASE_URL is
 * required); takes effect without a new sign-in. The account must exist: admin rights are never claimable by
 * signing up with some name.
 */
import { openDevDatabase } from '../stack/dev-database.ts';
import { applyMigrations } from '../db/schema-engine.ts';

const username = process.argv[2];
if (!username || process.argv.length > 3) {
  console.error('Usage: pnpm admin:grant <username>');
  process.exit(2);
}

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
await applyMigrations(database.url);

// Imported after DATABASE_URL is known: the backend parses its config on import.
const { grantAdmin } = await import('../../backend/src/modules/admin/admin.service.ts');
const { prisma } = await import('../../backend/src/lib/prisma.ts');

try {
  const user = await grantAdmin(username);
  console.log(`${user.displayUsername} is now an admin.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.close();
}
