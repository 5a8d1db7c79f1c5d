// `pnpm db:migration:create <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that brings the existing migrations up to prisma/schema.prisma (`prisma migrate dev
// --create-only`, without needing a database).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  MIGRATION_LOCK,
  MIGRATION_LOCK_CONTENT,
  MIGRATIONS_DIR,
  REPO_ROOT,
  diffSchemaAgainstMigrations,
} from './schema-engine.ts';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(name)) {
  console.error('Usage: pnpm db:migration:create <name>   (name in snake_case, e.g. add_stream_tags)');
  process.exit(1);
}

const sql = await diffSchemaAgainstMigrations();
if (sql === '') {
  console.log('No schema changes: prisma/schema.prisma matches prisma/migrations. Nothing written.');
  process.exit(0);
}

// Prisma's format: UTC YYYYMMDDHHMMSS.
const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const directory = path.join(MIGRATIONS_DIR, `${timestamp}_${name}`);
await mkdir(directory, { recursive: true });
await writeFile(path.join(directory, 'migration.sql'), sql);
const lockPath = path.join(MIGRATIONS_DIR, MIGRATION_LOCK);
if (!existsSync(lockPath)) await writeFile(lockPath, MIGRATION_LOCK_CONTENT);

console.log(`Created ${path.relative(REPO_ROOT, path.join(directory, 'migration.sql'))}:\n\n${sql}`);
console.log('Review it, then apply it with `pnpm db:migrate` (or restart `pnpm dev`).');
