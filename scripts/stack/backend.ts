import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startProcess, exitedEarly } from './processes.ts';
import { waitForHttp } from './wait.ts';
import { REPO_ROOT } from './livekit.ts';

export type BackendInstance = { url: string; pid: number; child: ChildProcess };

/**
 * Starts one backend process (`node src/server.ts`) on `port` with the stack's environment and waits until it is
 * ready. Several may run against one database and LiveKit: the backend keeps no state of its own that others need.
 */
export async function startBackend(options: {
  name?: string;
  port: number;
  env: Record<string, string>;
  quiet?: boolean;
}): Promise<BackendInstance> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = startProcess(options.name ?? 'backend', process.execPath, ['src/server.ts'], {
    cwd: path.join(REPO_ROOT, 'backend'),
    env: { ...options.env, PORT: String(options.port) },
    quiet: options.quiet,
  });
  await Promise.race([waitForHttp(`${url}/ready`, 60_000), exitedEarly(child, options.name ?? 'backend')]);
  return { url, pid: child.pid!, child };
}
