import { startProcess, exitedEarly } from './processes.ts';
import { waitForPort } from './wait.ts';
import { findBinary } from './livekit.ts';

/** A throwaway Redis for LiveKit's ingress bus; nothing is written to disk. */
export async function startRedis(port: number, quiet?: boolean): Promise<string | undefined> {
  const binary = findBinary('redis-server');
  if (!binary) return undefined;
  const child = startProcess(
    'redis',
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { quiet },
  );
  await Promise.race([waitForPort(port), exitedEarly(child, 'redis-server')]);
  return `127.0.0.1:${port}`;
}
