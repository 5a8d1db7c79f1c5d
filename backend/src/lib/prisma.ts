import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { Gauge } from 'prom-client';
import { PrismaClient } from '../generated/prisma/client.ts';
import { env } from '../config/env.ts';
import { metrics } from './metrics.ts';

/**
 * The pool every statement goes through. A database that stops answering (a failover, a full pool) must fail
 * requests quickly with 503 + Retry-After (http/dependency-errors.ts) instead of holding them: connections and
 * statements have timeouts.
 */
const pool = new pg.Pool({
  connectionString: env.DATABASE_URL,
  connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
  statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
});

export const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

new Gauge({
  name: 'streamhouse_db_pool_connections',
  help: 'PostgreSQL pool connections of this instance: in use, idle, and requests waiting for one',
  labelNames: ['state'] as const,
  registers: [metrics],
  collect() {
    this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
    this.set({ state: 'idle' }, pool.idleCount);
    this.set({ state: 'waiting' }, pool.waitingCount);
  },
});
