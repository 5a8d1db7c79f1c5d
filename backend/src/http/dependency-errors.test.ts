import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { env } from '../config/env.ts';
import { isDependencyUnavailable } from './dependency-errors.ts';

// Real clients with the site's timeouts made short, against the real PostgreSQL and a server that never answers.
const clients: PrismaClient[] = [];
const silentServers: net.Server[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  for (const server of silentServers) server.close();
});

function client(
  connectionString: string,
  timeouts: { connectionTimeoutMillis?: number; statement_timeout?: number; max?: number },
) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, ...timeouts }) });
  clients.push(prisma);
  return prisma;
}

/** A TCP server that accepts connections and never says a word: a database host in the middle of a failover. */
function silentDatabase(): Promise<string> {
  return new Promise((resolve) => {
    const sockets: net.Socket[] = [];
    const server = net
      .createServer((socket) => sockets.push(socket))
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        resolve(`postgresql://postgres:postgres@127.0.0.1:${port}/streamhouse`);
      });
    server.on('close', () => sockets.forEach((socket) => socket.destroy()));
    silentServers.push(server);
  });
}

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a database that does not answer in time is an outage (503 + Retry-After), not a bug (500)', () => {
  it('counts a statement cut by statement_timeout', async () => {
    const error = await failureOf(client(env.DATABASE_URL, { statement_timeout: 200 }).$queryRaw`SELECT pg_sleep(2)`);
    expect(error).toBeDefined();
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('counts a connection that is not established within connectionTimeoutMillis', async () => {
    const started = Date.now();
    const error = await failureOf(client(await silentDatabase(), { connectionTimeoutMillis: 300 }).$queryRaw`SELECT 1`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeDefined();
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('counts a transaction that cannot start in time (every connection busy) or outlives its timeout (P2028)', async () => {
    // One connection, held by an open transaction until the second one has given up waiting.
    const busy = client(env.DATABASE_URL, { max: 1 });
    let release!: () => void;
    let holding!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = busy
      .$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT 1`;
          holding();
          await released;
        },
        { timeout: 10_000 },
      )
      .then(() => undefined); // Prisma's promises run once awaited or then-ed
    await held;
    const cannotStart = await failureOf(busy.$transaction(async (tx) => tx.$executeRaw`SELECT 1`, { maxWait: 100 }));
    release();
    await holder;
    expect(isDependencyUnavailable(cannotStart)).toBe(true);

    const expired = await failureOf(
      client(env.DATABASE_URL, {}).$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(0.5)`, { timeout: 100 }),
    );
    expect(isDependencyUnavailable(expired)).toBe(true);
  });
});
