// `pnpm db:migrate`: applies prisma/migrations (what `prisma migrate deploy` does) to $DATABASE_URL,
// or, when it is unset (never in production), to the embedded dev database.
import { applyMigrations } from './schema-engine.ts';
import { openDevDatabase } from '../stack/dev-database.ts';

// A deployment migrates the database it was given; an embedded one inside a container would be lost with it.
if (process.env.NODE_ENV === 'production' && !process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required in production: the migrations run against your PostgreSQL, never an embedded one.');
  process.exit(1);
}

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
