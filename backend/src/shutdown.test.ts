import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// A backend process of its own, on the multi-instance tests' database (its start-up reconciliation must not
// touch the live state other tests set by hand).
const databaseUrl = z.string().parse(process.env.INSTANCES_DATABASE_URL);
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startBackend(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${url}/ready`).then(
          (response) => response.status,
          () => 0,
        ),
      { timeout: 20_000 },
    )
    .toBe(200);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return { url, child, exited };
}

/** An open event stream: everything it received, and when it ended. */
function openEventStream(url: string) {
  let received = '';
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const opened = new Promise<void>((resolve, reject) => {
    http
      .get(`${url}/api/live/events`, (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          received += chunk;
          resolve();
        });
        response.on('end', resolveEnded);
        response.on('close', resolveEnded);
      })
      .on('error', reject);
  });
  return { opened, ended, received: () => received };
}

describe('graceful shutdown', () => {
  it('on SIGTERM answers /ready 503 while still serving, ends event streams with a reconnect hint, then exits', async () => {
    const backend = await startBackend({ SHUTDOWN_DRAIN_SECONDS: '1', SHUTDOWN_GRACE_SECONDS: '10' });
    const stream = openEventStream(backend.url);
    await stream.opened;
    const signalledAt = Date.now();
    backend.child.kill('SIGTERM');

    // Balancers see "not ready" at once, while requests are still answered during the drain.
    await expect
      .poll(() => fetch(`${backend.url}/ready`).then((response) => response.status), { interval: 50, timeout: 900 })
      .toBe(503);
    const ready = await fetch(`${backend.url}/ready`);
    expect(await ready.json()).toMatchObject({ code: 'NOT_READY', message: expect.stringContaining('shutting down') });
    expect(ready.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${backend.url}/health`)).status).toBe(200);

    // After the drain the event stream ends, telling the browser to come back after 1–5 s (spread over clients).
    await stream.ended;
    const retries = [...stream.received().matchAll(/^retry: (\d+)$/gm)].map((match) => Number(match[1]));
    expect(retries.at(-1)).toBeGreaterThanOrEqual(1000);
    expect(retries.at(-1)).toBeLessThanOrEqual(5000);
    const { code, at } = await backend.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeGreaterThanOrEqual(1000);
    expect(at - signalledAt).toBeLessThan(10_000);
  });
});
