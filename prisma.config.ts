import { defineConfig } from 'prisma/config';

// Prisma 7 reads the datasource URL from here, not from schema.prisma. `prisma generate` never
// connects, so a placeholder keeps it (and `pnpm install`'s postinstall) working without a database.
// Migrations do not go through the Prisma CLI here: see scripts/db/schema-engine.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://placeholder@localhost:5432/placeholder' },
});
