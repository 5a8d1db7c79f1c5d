/**
 * `pnpm test`: every test against real parts. Starts the test stack (fresh embedded PostgreSQL
 * database unless TEST_DATABASE_URL is set, a local LiveKit server, Redis and ingress), then runs
 * the backend's unit + integration tests (Vitest) and the e2e journeys (Playwright in Chromium)
 * against the built frontend served by the backend.
 *   --unit-only / --e2e-only   run one half
 *   any other arguments        are passed to Playwright (e.g. a test file or -g "title")
 *   TEST_PORT_OFFSET=1000      shifts every port, so several runs can share a machine
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startStack } from './stack/index.ts';
import { startProcess, exitedEarly } from './stack/processes.ts';
import { waitForHttp } from './stack/wait.ts';
import { testProfile } from './stack/profiles.ts';
import { REPO_ROOT } from './stack/livekit.ts';

const args = process.argv.slice(2);
const runUnit = !args.includes('--e2e-only');
const runE2e = !args.includes('--unit-only');
const playwrightArgs = args.filter((arg) => !arg.startsWith('--unit-only') && !arg.startsWith('--e2e-only'));

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

const stack = await startStack(profile, { databaseUrl: process.env.TEST_DATABASE_URL, freshDatabase: true, quiet: true });
const testEnv = {
  ...stack.env,
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  PORT: String(profile.backendPort),
  PUBLIC_URL: baseUrl,
  INGRESS_AVAILABLE: String(stack.ingressAvailable),
};

const totals = { passed: 0, failed: 0 };
let exitCode = 0;

try {
  if (runUnit) {
    const report = path.join(reportsDir, 'vitest.json');
    const code = await run(
      'pnpm',
      ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      path.join(REPO_ROOT, 'backend'),
      testEnv,
    );
    if (code !== 0) exitCode = code;
    const result = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
    totals.passed += result?.numPassedTests ?? 0;
    totals.failed += result?.numFailedTests ?? (code === 0 ? 0 : 1);
  }

  if (runE2e) {
    const buildCode = await run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], path.join(REPO_ROOT, 'frontend'), {});
    if (buildCode !== 0) throw new Error('the frontend build failed');
    const backend = startProcess('backend', 'pnpm', ['exec', 'tsx', 'src/server.ts'], {
      cwd: path.join(REPO_ROOT, 'backend'),
      env: { ...testEnv, STATIC_DIR: path.join(REPO_ROOT, 'frontend/dist'), LOG_LEVEL: 'warn' },
    });
    await Promise.race([waitForHttp(`${baseUrl}/ready`, 60_000), exitedEarly(backend, 'backend')]);
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

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
