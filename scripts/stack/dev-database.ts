import path from 'node:path';
import { PROFILES } from './profiles.ts';
import { REPO_ROOT } from './livekit.ts';
import { isPortFree } from './wait.ts';
import { startEmbeddedPostgres } from './postgres.ts';

/**
 * The database the dev commands (`db:migrate`, `db:seed`) work on: DATABASE_URL when set; otherwise
 * the embedded dev database — the running one if `pnpm dev` is up, else started just for this command.
 */
export async function openDevDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  // A deployment works on the database it was given; an embedded one inside a container would be lost with it.
  if (process.env.NODE_ENV === 'production') {
    console.error('DATABASE_URL is required in production: this command never starts an embedded PostgreSQL there.');
    process.exit(1);
  }
  const { postgresPort } = PROFILES.dev;
  const url = `postgresql://postgres:postgres@127.0.0.1:${postgresPort}/streamhouse_dev`;
  if (!(await isPortFree(postgresPort))) return { url, close: async () => {} };
  const database = await startEmbeddedPostgres({
    dataRoot: path.join(REPO_ROOT, '.data', 'dev'),
    port: postgresPort,
    database: 'streamhouse_dev',
    log: (line) => console.log(line),
  });
  return { url: database.url, close: database.stop };
}
