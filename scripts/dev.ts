/**
 * `pnpm dev`: the whole site with no setup. Starts what is not configured (embedded PostgreSQL,
 * LiveKit server, Redis + ingress), applies migrations, then the backend and the Vite dev server.
 */
import path from 'node:path';
import { startStack } from './stack/index.ts';
import { startProcess, exitedEarly } from './stack/processes.ts';
import { isPortFree, waitForHttp } from './stack/wait.ts';
import { devProfile } from './stack/profiles.ts';
import { REPO_ROOT } from './stack/livekit.ts';

const profile = devProfile(Number(process.env.DEV_PORT_OFFSET ?? 0));

for (const port of [profile.backendPort, profile.frontendPort]) {
  if (!(await isPortFree(port))) {
    console.error(
      `Port ${port} is already in use — is \`pnpm dev\` already running? Stop it (or the other program) and try again.`,
    );
    process.exit(1);
  }
}

const stack = await startStack(profile, {
  databaseUrl: process.env.DATABASE_URL,
  livekitUrl: process.env.LIVEKIT_URL,
  smtpUrl: process.env.SMTP_URL,
});
const publicUrl = `http://localhost:${profile.frontendPort}`;

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  const backend = startProcess('backend', process.execPath, ['--watch', 'src/server.ts'], {
    cwd: path.join(REPO_ROOT, 'backend'),
    env: {
      ...stack.env,
      PORT: String(profile.backendPort),
      PUBLIC_URL: publicUrl,
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    },
  });
  await Promise.race([waitForHttp(`http://127.0.0.1:${profile.backendPort}/health`, 60_000), exitedEarly(backend, 'backend')]);
  startProcess('frontend', 'pnpm', ['exec', 'vite'], {
    cwd: path.join(REPO_ROOT, 'frontend'),
    env: { BACKEND_URL: `http://127.0.0.1:${profile.backendPort}`, FRONTEND_PORT: String(profile.frontendPort) },
  });
  await waitForHttp(`http://127.0.0.1:${profile.frontendPort}/`, 60_000);
} catch (error) {
  console.error(`\nStart-up failed: ${(error as Error).message}`);
  await stop(1);
}

console.log(`
  \x1b[1mStreamhouse is running\x1b[0m
    Site:     \x1b[36m${publicUrl}\x1b[0m
    API:      http://127.0.0.1:${profile.backendPort}  (health: /health, readiness: /ready)
    LiveKit:  ${stack.env.LIVEKIT_URL}
    RTMP/WHIP keys: ${stack.ingressAvailable ? 'available' : 'unavailable (see the ingress line above)'}
    Recording: ${stack.egressAvailable ? `on (files in ${stack.env.RECORDINGS_DIR})` : 'off (see the egress line above)'}
    Mail:     ${stack.mail ? `every message the site sends is in \x1b[36m${stack.mail.webUrl}\x1b[0m (Mailpit)` : stack.env.SMTP_URL}
  Press Ctrl+C to stop.
`);
