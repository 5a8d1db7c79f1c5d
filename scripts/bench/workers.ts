import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts a scripts/bench/<name>.worker.ts child process (production mode keeps rtc-node's logging quiet). */
export function forkWorker(name: string): ChildProcess {
  return fork(path.join(import.meta.dirname, `${name}.worker.ts`), [], { env: { ...process.env, NODE_ENV: 'production' } });
}

/** The worker's next IPC message that matches; rejects if the worker exits first. */
export function nextMessage<T>(worker: ChildProcess, match: (message: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (!match(message)) return;
      cleanUp();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`a benchmark worker exited (${code}) before answering`));
    };
    const cleanUp = () => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
}

/** Sends the worker its stop command and waits for it to exit (killing it after 10 s). */
export function stopWorker(worker: ChildProcess, command: object): Promise<void> {
  return new Promise((resolve) => {
    if (worker.exitCode !== null || !worker.connected) return resolve();
    const force = setTimeout(() => worker.kill('SIGKILL'), 10_000);
    worker.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    worker.send(command);
  });
}
