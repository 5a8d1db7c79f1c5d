// `pnpm db:migrate`: applies prisma/migrations (what `prisma migrate deploy` does) to $DATABASE_URL,
// or, when it is unset (never in production), to the embedded dev database.
import { applyMigrations } from './schema-engine.ts';
import { openDevDatabase } from '../stack/dev-database.ts';

const database = await openDevDatabase();
try {
  const target = new URL(database.url);
  if (target.password) target.password = '***';
  console.log(`Applying migrations to ${target.toString()}`);
  const { applied } = await applyMigrations(database.url);
  if (applied.length === 0) console.log('Already up to date: no migration to apply.');
  else console.log(`Applied ${applied.length} migration(s):\n${applied.map((name) => `  - ${name}`).join('\n')}`);
} finally {
  await database.close();
}
