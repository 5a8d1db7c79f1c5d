import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
let stopping = false;
const COLORS = [36, 35, 33, 32, 34, 31];
let colorIndex = 0;
let logDirectory: string | undefined;

/**
 * Every service started after this writes its whole output to `<directory>/<name>.log` (appended, so a restarted
 * service keeps its earlier lines), whether or not it is also shown on the console.
 */
export function keepLogsIn(directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  logDirectory = directory;
}

/** The log files kept so far, for a failure report. */
export function keptLogs(): string[] {
  if (!logDirectory) return [];
  return fs
    .readdirSync(logDirectory)
    .filter((name) => name.endsWith('.log'))
    .map((name) => path.join(logDirectory!, name));
}

/** Appends lines to `<directory>/<name>.log` (for a service that is not a child process, like embedded PostgreSQL). */
export function logLines(name: string): (line: string) => void {
  if (!logDirectory) return () => {};
  const file = path.join(logDirectory, `${name}.log`);
  return (line) => fs.appendFileSync(file, line.endsWith('\n') ? line : `${line}\n`);
}

/** Starts a long-running service, prefixing each output line with its name. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; quiet?: boolean } = {},
): ChildProcess {
  const color = COLORS[colorIndex++ % COLORS.length];
  const prefix = `\x1b[${color}m${name.padEnd(9)}\x1b[0m│ `;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const file = logDirectory ? fs.createWriteStream(path.join(logDirectory, `${name}.log`), { flags: 'a' }) : undefined;
  file?.write(`──── ${new Date().toISOString()} ${command} ${args.join(' ')} (pid ${child.pid})\n`);
  const relay = (chunk: Buffer) => {
    file?.write(chunk);
    if (options.quiet) return;
    for (const line of chunk.toString().split('\n')) if (line.trim()) process.stdout.write(prefix + line + '\n');
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  child.on('exit', (code, signal) => {
    children.delete(child);
    file?.end(`──── ${new Date().toISOString()} exited (${signal ?? `code ${code}`})\n`);
  });
  return child;
}

/**
 * Like startProcess, but starts the service again whenever it exits until stopAll() (the LiveKit egress
 * shuts itself down after some pipeline errors and expects a supervisor to bring it back).
 */
export function superviseProcess(...args: Parameters<typeof startProcess>): ChildProcess {
  const child = startProcess(...args);
  child.once('exit', (code) => {
    if (stopping) return;
    process.stdout.write(`${args[0]} exited (code ${code}); starting it again\n`);
    setTimeout(() => {
      if (!stopping) superviseProcess(...args);
    }, 1000);
  });
  return child;
}

export async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Rejects as soon as the process exits while we are still waiting for it to come up. */
export function exitedEarly(child: ChildProcess, name: string): Promise<never> {
  return new Promise((_, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} while starting`)));
  });
}
