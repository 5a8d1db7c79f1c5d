/**
 * `pnpm test`: every test against real parts. Starts the test stack (fresh embedded PostgreSQL
 * database unless TEST_DATABASE_URL is set, a local LiveKit server, Redis and ingress), then runs
 * the backend's unit + integration tests (Vitest) and the e2e journeys (Playwright in Chromium)
 * against the built frontend served by the backend. For Vitest it also starts two backend processes sharing one
 * database of their own (BACKEND_URLS), which the multi-instance tests drive over HTTP.
 *   --backend-only / --e2e-only  run one half: the backend's Vitest suite (unit and integration tests against the
 *                                stack) or the Playwright journeys
 *   --repeat <file> <n>        runs one test file n times on one stack (`pnpm test:repeat`), and says how many passed
 *   any other arguments        are passed to Vitest with --backend-only (e.g. a file filter), else to Playwright
 *                              (e.g. a test file or -g "title")
 *   TEST_PORT_OFFSET=1000      shifts every port, so several runs can share a machine
 *
 * Every service's output (LiveKit, ingress, egress and its recorders, the backends, PostgreSQL) and the libraries'
 * own log lines are kept in .data/<stack>/logs/, always; when a test fails, the last lines of each are printed
 * before the summary of what failed, which comes last.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startStack } from './stack/index.ts';
import { startBackend } from './stack/backend.ts';
import { keepLogsIn } from './stack/processes.ts';
import { testProfile } from './stack/profiles.ts';
import { REPO_ROOT } from './stack/livekit.ts';
import { printFailureReport, type FailedTest } from './test-report.ts';

const args = process.argv.slice(2);
/** Each counts as one test in the summary. */
const STATIC_CHECKS: Array<[string, string]> = [
  ['lint', 'lint'],
  ['format', 'format:check'],
  ['type check', 'typecheck'],
  ['API contract up to date', 'contract:check'],
  ['benchmark quotes up to date', 'bench:quotes:check'],
  ['frontend unit tests', 'test:frontend'],
];

const repeat = parseRepeat(args);
const runBackend = repeat ? !repeat.e2e : !args.includes('--e2e-only');
const runE2e = repeat ? repeat.e2e : !args.includes('--backend-only');
const passedArgs = repeat ? [] : args.filter((arg) => arg !== '--backend-only' && arg !== '--e2e-only');
const vitestArgs = repeat ? [repeat.file] : runE2e ? [] : passedArgs;
const playwrightArgs = repeat ? [`--repeat-each=${repeat.times}`, repeat.file] : runE2e ? passedArgs : [];
// A filtered run is for working on something: the static checks run in full runs only.
const runStaticChecks = !repeat && runBackend && passedArgs.length === 0;

// TEST_PORT_OFFSET shifts every port (and the data folder), so two test runs can share a machine.
const profile = testProfile(Number(process.env.TEST_PORT_OFFSET ?? 0));
const baseUrl = `http://127.0.0.1:${profile.backendPort}`;
const dataDir = path.join(REPO_ROOT, '.data', profile.dataName);
const reportsDir = path.join(dataDir, 'reports');
const logsDir = path.join(dataDir, 'logs');
fs.rmSync(logsDir, { recursive: true, force: true });
fs.mkdirSync(reportsDir, { recursive: true });
keepLogsIn(logsDir);

/**
 * Runs a test runner. Its own output goes to the console; lines a library logs as JSON (pino's `{"level":…`, e.g.
 * @livekit/rtc-node's debug output in the tests that join rooms) go to `<logName>.log` instead.
 */
function run(command: string, commandArgs: string[], cwd: string, env: Record<string, string>, logName?: string) {
  return new Promise<number>((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, ...env },
      stdio: logName ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (logName) {
      const file = fs.createWriteStream(path.join(logsDir, `${logName}.log`), { flags: 'a' });
      for (const [stream, out] of [
        [child.stdout!, process.stdout],
        [child.stderr!, process.stderr],
      ] as const)
        createInterface({ input: stream }).on('line', (line) => {
          if (/^\s*\{"level":/.test(line)) file.write(`${line}\n`);
          else out.write(`${line}\n`);
        });
      child.on('exit', () => file.end());
    }
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const totals = { passed: 0, failed: 0 };
const failures: FailedTest[] = [];
let exitCode = 0;

// Static checks first: they need no stack and fail fast.
if (runStaticChecks) {
  for (const [name, script] of STATIC_CHECKS) {
    console.log(`\n── ${name}`);
    const code = await run('pnpm', ['run', '--silent', script], REPO_ROOT, {});
    if (code === 0) totals.passed += 1;
    else {
      totals.failed += 1;
      failures.push({ runner: 'check', name, message: `pnpm ${script} exited with ${code} (its output is above)` });
      exitCode = code;
    }
  }
}

// The e2e journeys run over HTTPS through a TLS proxy, as the site is deployed (the unit tests talk to the app directly).
const stack = await startStack(profile, {
  databaseUrl: process.env.TEST_DATABASE_URL,
  freshDatabase: true,
  quiet: true,
  tls: runE2e,
});
const testEnv = {
  ...stack.env,
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PORT: String(profile.backendPort),
  PUBLIC_URL: baseUrl,
  INGRESS_AVAILABLE: String(stack.ingressAvailable),
  // Where the tests read the mail the site sent (Mailpit's HTTP API).
  MAILPIT_URL: stack.mail?.webUrl ?? '',
  // Tests that record use small recordings, which keep the egress from starving the 2-core machine.
  RECORDINGS_VIDEO: '360p',
};

try {
  if (runBackend) {
    const report = path.join(reportsDir, 'vitest.json');
    const instances = await startBackendInstances();
    for (let round = 1; round <= (repeat?.times ?? 1); round += 1) {
      if (repeat) console.log(`\n── ${repeat.file}: run ${round} of ${repeat.times}`);
      const code = await run(
        'pnpm',
        ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
        path.join(REPO_ROOT, 'backend'),
        { ...testEnv, BACKEND_URLS: instances.urls.join(','), INSTANCES_DATABASE_URL: instances.databaseUrl },
        'vitest-output',
      );
      if (code !== 0) exitCode = code;
      const result = readJson<VitestReport>(report);
      totals.passed += result?.numPassedTests ?? 0;
      totals.failed += result?.numFailedTests ?? (code === 0 ? 0 : 1);
      failures.push(...vitestFailures(result, code));
    }
  }

  if (runE2e) {
    const buildCode = await run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], path.join(REPO_ROOT, 'frontend'), {});
    if (buildCode !== 0) throw new Error('the frontend build failed');
    if (runStaticChecks) {
      console.log('\n── bundle budget');
      const budgetCode = await run('pnpm', ['run', '--silent', 'bundle-budget'], REPO_ROOT, {});
      if (budgetCode === 0) totals.passed += 1;
      else {
        totals.failed += 1;
        failures.push({
          runner: 'check',
          name: 'bundle budget',
          message: 'a page grew past frontend/bundle-budget.json (above)',
        });
        exitCode = budgetCode;
      }
    }
    const tls = stack.tls!;
    // Browsers open the site and LiveKit through the proxy; the backend calls LiveKit directly, as beside a balancer.
    const e2eEnv = {
      ...testEnv,
      PUBLIC_URL: tls.siteUrl,
      LIVEKIT_URL: tls.livekitUrl,
      LIVEKIT_API_URL: stack.env.LIVEKIT_URL!.replace(/^ws/, 'http'),
    };
    await startBackend({
      port: profile.backendPort,
      env: { ...e2eEnv, STATIC_DIR: path.join(REPO_ROOT, 'frontend/dist'), LOG_LEVEL: 'info' },
      quiet: true,
    });
    const report = path.join(reportsDir, 'playwright.json');
    const code = await run(
      'pnpm',
      ['exec', 'playwright', 'test', ...playwrightArgs],
      path.join(REPO_ROOT, 'e2e'),
      {
        ...e2eEnv,
        BASE_URL: tls.siteUrl,
        // The proxy's certificate authority: Chromium trusts it through BROWSER_HOME's NSS database, Node through this.
        BROWSER_HOME: tls.browserHome,
        NODE_EXTRA_CA_CERTS: tls.caFile,
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
      'playwright-output',
    );
    if (code !== 0) exitCode = code;
    const result = readJson<PlaywrightReport>(report);
    totals.passed += (result?.stats.expected ?? 0) + (result?.stats.flaky ?? 0);
    totals.failed += result?.stats.unexpected ?? (code === 0 ? 0 : 1);
    failures.push(...playwrightFailures(result, code));
  }
} catch (error) {
  console.error(`\nTest run aborted: ${(error as Error).message}`);
  exitCode = 1;
  totals.failed += 1;
  failures.push({ runner: 'stack', name: 'test run', message: (error as Error).message });
} finally {
  await stack.stop();
}

if (exitCode === 0 && totals.failed > 0) exitCode = 1;
if (exitCode !== 0) printFailureReport({ logsDir, failures, reportsDir });
if (repeat) console.log(`\n${repeat.file}: ${totals.passed} of ${totals.passed + totals.failed} passed`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed (logs: ${path.relative(REPO_ROOT, logsDir)}/)`);
process.exit(exitCode);

/**
 * Two backend processes behind one public address, as behind a load balancer: same PostgreSQL server and LiveKit,
 * a database of their own (the other tests set live state by hand, which the instances' reconcile job would
 * correct), and not LiveKit's webhook target. Their URLs, for BACKEND_URLS, and their database, for tests that
 * start a backend process of their own.
 */
async function startBackendInstances(): Promise<{ urls: string[]; databaseUrl: string }> {
  const databaseUrl = await stack.freshDatabase('instances');
  const env = {
    ...testEnv,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    // Their tests are about agreeing across instances; a recording per go-live would only load the machine.
    RECORDINGS_ENABLED: 'false',
  };
  const ports = [profile.instanceAPort, profile.instanceBPort];
  const instances = await Promise.all(
    ports.map((port, index) => startBackend({ name: `backend-${'ab'[index]}`, port, env, quiet: true })),
  );
  return { urls: instances.map((instance) => instance.url), databaseUrl };
}

/** `--repeat <file> <n>`: which runner owns the file and how often to run it. */
function parseRepeat(argv: string[]): { file: string; times: number; e2e: boolean } | undefined {
  if (argv[0] !== '--repeat') return undefined;
  const [, file, times] = argv;
  const count = Number(times);
  if (!file || !Number.isInteger(count) || count < 1) {
    console.error('usage: pnpm test:repeat <test file> <times>   e.g. pnpm test:repeat e2e/tests/replays.spec.ts 10');
    process.exit(64);
  }
  const absolute = path.resolve(file);
  const e2e = absolute.startsWith(path.join(REPO_ROOT, 'e2e') + path.sep);
  const base = path.join(REPO_ROOT, e2e ? 'e2e' : 'backend');
  return { file: path.relative(base, absolute), times: count, e2e };
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
};

function vitestFailures(result: VitestReport | undefined, code: number): FailedTest[] {
  if (!result) return code === 0 ? [] : [{ runner: 'vitest', name: 'vitest', message: `exited with ${code}, no report` }];
  return result.testResults.flatMap((file) => {
    const where = path.relative(REPO_ROOT, file.name);
    const failed = file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => ({ runner: 'vitest', name: `${where} › ${test.fullName}`, message: test.failureMessages[0] ?? '' }));
    // A file that failed to load has a message and no failed test.
    return failed.length || !file.message ? failed : [{ runner: 'vitest', name: where, message: file.message }];
  });
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: Array<{ title: string; tests: Array<{ status: string; results: Array<{ error?: { message?: string } }> }> }>;
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number };
  suites: PlaywrightSuite[];
  errors?: Array<{ message?: string }>;
};

function playwrightFailures(result: PlaywrightReport | undefined, code: number): FailedTest[] {
  if (!result) return code === 0 ? [] : [{ runner: 'playwright', name: 'playwright', message: `exited with ${code}, no report` }];
  const failed: FailedTest[] = (result.errors ?? []).map((error) => ({
    runner: 'playwright',
    name: 'playwright',
    message: error.message ?? '',
  }));
  const visit = (suite: PlaywrightSuite, file: string) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === 'unexpected')
          failed.push({
            runner: 'playwright',
            name: `e2e/tests/${file} › ${spec.title}`,
            message: test.results.find((attempt) => attempt.error)?.error?.message ?? '',
          });
    for (const child of suite.suites ?? []) visit(child, file);
  };
  for (const suite of result.suites) visit(suite, suite.file ?? suite.title);
  return failed;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
