// Throwaway (helper h4): the unit half of scripts/test.ts, with vitest file filters passed through.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startStack } from './stack/index.ts';
import { testProfile } from './stack/profiles.ts';
import { REPO_ROOT } from './stack/livekit.ts';
const profile = testProfile(Number(process.env.TEST_PORT_OFFSET ?? 0));
const stack = await startStack(profile, { freshDatabase: true, quiet: true });
const env = { ...process.env, ...stack.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', PORT: String(profile.backendPort), PUBLIC_URL: `http://127.0.0.1:${profile.backendPort}`, INGRESS_AVAILABLE: String(stack.ingressAvailable) };
const code = await new Promise<number>((resolve) => {
  const child = spawn('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)], { cwd: path.join(REPO_ROOT, 'backend'), env, stdio: 'inherit' });
  child.on('exit', (c) => resolve(c ?? 1));
});
await stack.stop();
process.exit(code);
