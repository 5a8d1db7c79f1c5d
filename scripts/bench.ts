/**
 * `pnpm bench`: starts a private stack (like `pnpm test`), runs every scripts/bench/*.bench.ts and writes
 * docs/benchmarks.md with the machine, the versions and each benchmark's section.
 * A benchmark module's default export: (context) => Promise<BenchResult> (its section and headline figures); the
 * README's and docs' quote tables are then regenerated from the file (scripts/bench/quotes.ts).
 *   pnpm bench [name …]   runs only the named benchmarks (file names without .bench.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { startStack } from './stack/index.ts';
import { startBackend } from './stack/backend.ts';
import { testProfile } from './stack/profiles.ts';
import { REPO_ROOT, TOOLS_BIN, findBinary } from './stack/livekit.ts';
import type { BenchContext, BenchResult } from './bench/context.ts';
import { headlinesComment, parseBenchmarks, quotingDocs, renderQuotes } from './bench/quotes.ts';

const only = process.argv.slice(2);
const profile = testProfile(Number(process.env.BENCH_PORT_OFFSET ?? 7000));
const baseUrl = `http://127.0.0.1:${profile.backendPort}`;

const benchDir = path.join(REPO_ROOT, 'scripts/bench');
const names = fs
  .readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], {
      cwd: path.join(REPO_ROOT, 'frontend'),
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('frontend build failed'))));
  });
}

// Secrets of its own, as in production. The backend runs with NODE_ENV=development: production additionally refuses
// plain-HTTP addresses, and the load generators talk to the backend and LiveKit directly (as a balancer's upstream
// does); NODE_ENV changes nothing else on the measured paths (only `test` adds the response checks).
const stack = await startStack(profile, { freshDatabase: true, quiet: true, privateLiveKitSecret: true });
const sections: string[] = [];
const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
})();
/** Above this 1-minute load average at its start a benchmark's figures are void: something else shared the cores. */
const QUIET_LOAD = 1.5;

/** Each benchmark loads the cores for minutes; the next one waits for the 1-minute load average to settle first. */
const SETTLED_LOAD = 1.0;
const MAX_SETTLE_MS = 5 * 60_000;

async function settle(name: string): Promise<void> {
  const deadline = Date.now() + MAX_SETTLE_MS;
  while (os.loadavg()[0]! > SETTLED_LOAD && Date.now() < deadline) {
    console.log(`  waiting for the machine to settle before ${name} (load average ${os.loadavg()[0]!.toFixed(2)})`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

/** The line under a section's heading: when it ran, on what commit, and how busy the machine was (read, not written in). */
function runLine(startLoad: number, endLoad: number): string {
  const machine = `${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`;
  const line = `_Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · ${machine} · load average ${startLoad.toFixed(2)} at start, ${endLoad.toFixed(2)} at end_`;
  return startLoad > QUIET_LOAD
    ? `${line}\n\n**Void: the machine was busy at the start (load average above ${QUIET_LOAD}); run it again on a quiet machine.**`
    : line;
}

try {
  await build();
  const backend = await startBackend({
    port: profile.backendPort,
    env: {
      ...stack.env,
      NODE_ENV: 'development',
      AUTH_SECRET: 'bench-only-secret-0123456789abcdef-xyz',
      PUBLIC_URL: baseUrl,
      STATIC_DIR: path.join(REPO_ROOT, 'frontend/dist'),
      LOG_LEVEL: 'warn',
    },
  });
  const context: BenchContext = {
    baseUrl,
    env: stack.env,
    repoRoot: REPO_ROOT,
    backendPid: backend.pid,
    livekitPid: stack.livekitPid!,
    postgresPid: stack.postgresPid!,
    ingressAvailable: stack.ingressAvailable,
    egressAvailable: stack.egressAvailable,
  };
  for (const name of names) {
    console.log(`\n── benchmark: ${name}`);
    const module = (await import(path.join(benchDir, `${name}.bench.ts`))) as {
      default: (context: BenchContext) => Promise<BenchResult>;
    };
    await settle(name);
    const startLoad = os.loadavg()[0]!;
    console.log(`uptime before ${name}: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
    const result = await module.default(context);
    const endLoad = os.loadavg()[0]!;
    console.log(`uptime after ${name}: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
    const [heading, ...body] = result.section.trim().split('\n');
    sections.push(
      [heading, '', runLine(startLoad, endLoad), '', headlinesComment(name, result.headlines), ...body].join('\n') + '\n',
    );
  }
} finally {
  await stack.stop();
}

const versionOf = (binary: string) => {
  try {
    return execFileSync(findBinary(binary)!, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const livekitVersion = versionOf('livekit-server');
// The ingress is built with this repo's patches (scripts/provision/build-ingress.sh records which build it is).
const ingressBuildFile = path.join(TOOLS_BIN, 'ingress.build-id');
const ingressBuild = fs.existsSync(ingressBuildFile) ? fs.readFileSync(ingressBuildFile, 'utf8').trim() : versionOf('ingress');
const header = `# Benchmarks

Written by \`pnpm bench\`, never by hand: each section says when it ran, on which commit and how busy the machine was
(a run of only some benchmarks leaves the others as they were). Numbers are from one machine; compare runs on the
same machine.

| Machine | |
|---|---|
| CPU | ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length} |
| Memory | ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB |
| OS | ${os.type()} ${os.release()} |
| Node.js | ${process.version} |
| LiveKit server | ${livekitVersion} |
| LiveKit ingress | ${ingressBuild} |
| LiveKit egress | ${versionOf('egress')} |
| Chromium | ${(() => {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})()} |
`;

const target = path.join(REPO_ROOT, 'docs/benchmarks.md');
// Running a subset keeps the other sections of the existing file.
const previous = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
const kept = only.length
  ? previous
      .split(/\n(?=## )/)
      .slice(1)
      .filter((section) => !sections.some((fresh) => fresh.split('\n')[0] === section.split('\n')[0]))
  : [];
const written = [header, ...kept.map((section) => section.trim() + '\n'), ...sections].join('\n');
fs.writeFileSync(target, written);
console.log(`\nWrote ${path.relative(REPO_ROOT, target)}`);
for (const doc of quotingDocs(REPO_ROOT)) {
  fs.writeFileSync(doc, await renderQuotes(doc, fs.readFileSync(doc, 'utf8'), parseBenchmarks(written), target));
  console.log(`Quoted in ${path.relative(REPO_ROOT, doc)}`);
}
// Benchmarks load native clients (rtc-node's FFI, pg pools) whose handles would keep Node alive after the report.
process.exit(0);
