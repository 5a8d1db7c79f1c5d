import { prisma } from '../../lib/prisma.ts';
import { roomService } from '../../lib/livekit.ts';
import { isShuttingDown } from '../../lib/shutdown.ts';
import { checkDelivery } from '../../lib/pg-listener.ts';

/** `notifications`: PostgreSQL NOTIFY reaches this instance, which cross-instance caches and live events need. */
export type Dependency = 'database' | 'livekit' | 'notifications';
export type ReadinessReport = { ready: boolean; shuttingDown: boolean; checks: Record<Dependency, 'ok' | string> };

const CHECK_TIMEOUT_MS = 2000;

async function check(probe: () => Promise<unknown>): Promise<'ok' | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch (error) {
    // Raw driver messages can name hosts, users and databases: say only what kind of failure it was.
    return (error as Error).message.startsWith('no answer within') ? 'timeout' : 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessProbes = Record<Dependency, () => Promise<unknown>>;

const defaultProbes: ReadinessProbes = {
  database: () => prisma.$queryRaw`SELECT 1`,
  livekit: () => roomService.listRooms(),
  notifications: () => checkDelivery(prisma, CHECK_TIMEOUT_MS - 100),
};

/** Not ready while shutting down, whatever the dependencies say: balancers stop sending new requests first. */
export async function checkReadiness(probes: ReadinessProbes = defaultProbes): Promise<ReadinessReport> {
  const [database, livekit, notifications] = await Promise.all([
    check(probes.database),
    check(probes.livekit),
    check(probes.notifications),
  ]);
  const checks = { database, livekit, notifications };
  const allAnswer = Object.values(checks).every((result) => result === 'ok');
  const shuttingDown = isShuttingDown();
  return { ready: !shuttingDown && allAnswer, shuttingDown, checks };
}
