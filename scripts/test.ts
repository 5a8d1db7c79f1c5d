/**
 * `pnpm test`: every test against real parts. Starts the test stack (fresh embedded PostgreSQL
 * database unless TEST_DATABASE_URL is set, a local LiveKit server, Redis and ingress), then runs
 * the backend's unit + integration tests (Vitest) and the e2e journeys (Playwright in Chromium)
 * against the built frontend served by the backend. For Vitest it also starts two backend processes sharing one
 * database of their own (BACKEND_URLS), which the multi-instance tests drive over HTTP.
 *   --unit-only / --e2e-only   run one half
 *   any other arguments        are passed to Vitest with --unit-only (e.g. a file filter), else to Playwright
 *                              (e.g. a test file or -g "title")
 *   TEST_PORT_OFFSET=1000      shifts every port, so several runs can share a machine
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startStack } from './stack/index.ts';
import { startBackend } from './stack/backend.ts';
import { testProfile } from './stack/profiles.ts';
import { REPO_ROOT } from './stack/livekit.ts';

const args = process.argv.slice(2);
/** Each counts as one test in the summary. */
const STATIC_CHECKS: Array<[string, string]> = [
  ['lint', 'lint'],
  ['format', 'format:check'],
  ['type check', 'typecheck'],
  ['API contract up to date', 'contract:check'],
  ['frontend unit tests', 'test:frontend'],
];
const runUnit = !args.includes('--e2e-only');
const runE2e = !args.includes('--unit-only');
const passedArgs = args.filter((arg) => !arg.startsWith('--unit-only') && !arg.startsWith('--e2e-only'));
const vitestArgs = runE2e ? [] : passedArgs;
const playwrightArgs = runE2e ? passedArgs : [];
// A filtered run is for working on something: the static checks run in full runs only.
const runStaticChecks = runUnit && passedArgs.length === 0;

// TEST_PORT_OFFSET shifts every port (and the data folder), so two test runs can share a machine.
const profile = testProfile(Number(process.env.TEST_PORT_OFFSET ?? 0));
const baseUrl = `http://127.0.0.1:${profile.backendPort}`;
const reportsDir = path.join(REPO_ROOT, '.data', profile.dataName, 'reports');
fs.mkdirSync(reportsDir, { recursive: true });

function run(command: string, commandArgs: string[], cwd: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const totals = { passed: 0, failed: 0 };
let exitCode = 0;

// Static checks first: they need no stack and fail fast.
if (runStaticChecks) {
  for (const [name, script] of STATIC_CHECKS) {
    console.log(`\n── ${name}`);
    const code = await run('pnpm', ['run', '--silent', script], REPO_ROOT, {});
    if (code === 0) totals.passed += 1;
    else {
      totals.failed += 1;
      exitCode = code;
    }
  }
}

const stack = await startStack(profile, { databaseUrl: process.env.TEST_DATABASE_URL, freshDatabase: true, quiet: true });
const testEnv = {
  ...stack.env,
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  PORT: String(profile.backendPort),
  PUBLIC_URL: baseUrl,
  INGRESS_AVAILABLE: String(stack.ingressAvailable),
  // Every test that goes live is recorded; small recordings keep the egress from starving the 2-core machine.
  RECORDINGS_VIDEO: '360p',
};

try {
  if (runUnit) {
    const report = path.join(reportsDir, 'vitest.json');
    const code = await run(
      'pnpm',
      ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
      path.join(REPO_ROOT, 'backend'),
      { ...testEnv, BACKEND_URLS: (await startBackendInstances()).join(',') },
    );
    if (code !== 0) exitCode = code;
    const result = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
    totals.passed += result?.numPassedTests ?? 0;
    totals.failed += result?.numFailedTests ?? (code === 0 ? 0 : 1);
  }

  if (runE2e) {
    const buildCode = await run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], path.join(REPO_ROOT, 'frontend'), {});
    if (buildCode !== 0) throw new Error('the frontend build failed');
    await startBackend({
      port: profile.backendPort,
      env: { ...testEnv, STATIC_DIR: path.join(REPO_ROOT, 'frontend/dist'), LOG_LEVEL: 'warn' },
    });
    const report = path.join(reportsDir, 'playwright.json');
    const code = await run('pnpm', ['exec', 'playwright', 'test', ...playwrightArgs], path.join(REPO_ROOT, 'e2e'), {
      ...testEnv,
      BASE_URL: baseUrl,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    });
    if (code !== 0) exitCode = code;
    const result = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report);
    totals.passed += (result?.stats.expected ?? 0) + (result?.stats.flaky ?? 0);
    totals.failed += result?.stats.unexpected ?? (code === 0 ? 0 : 1);
  }
} catch (error) {
  console.error(`\nTest run aborted: ${(error as Error).message}`);
  exitCode = 1;
  totals.failed += 1;
} finally {
  await stack.stop();
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);

/**
 * Two backend processes behind one public address, as behind a load balancer: same PostgreSQL server and LiveKit,
 * a database of their own (the other tests set live state by hand, which the instances' reconcile job would
 * correct), and not LiveKit's webhook target. Their URLs, for BACKEND_URLS.
 */
async function startBackendInstances(): Promise<string[]> {
  const env = { ...testEnv, DATABASE_URL: await stack.freshDatabase('instances'), LOG_LEVEL: 'error' };
  const ports = [profile.instanceAPort, profile.instanceBPort];
  const instances = await Promise.all(ports.map((port, index) => startBackend({ name: `backend-${'ab'[index]}`, port, env })));
  return instances.map((instance) => instance.url);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
