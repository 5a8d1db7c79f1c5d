import { spawn, type ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
let stopping = false;
const COLORS = [36, 35, 33, 32, 34, 31];
let colorIndex = 0;

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
  const relay = (chunk: Buffer) => {
    if (options.quiet) return;
    for (const line of chunk.toString().split('\n')) if (line.trim()) process.stdout.write(prefix + line + '\n');
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  child.on('exit', () => children.delete(child));
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
