import { describe, expect, it } from 'vitest';
import { diffSchemaAgainstMigrations } from '../../../scripts/db/schema-engine.ts';

describe('database migrations', () => {
  // Replays prisma/migrations into an in-memory PGlite and diffs it against schema.prisma.
  it('schema.prisma and the migrations agree', async () => {
    const missing = await diffSchemaAgainstMigrations();
    expect(missing, 'schema.prisma changed without a migration: run `pnpm db:migration:create <name>`').toBe('');
  }, 60_000);
});
