import fs from 'node:fs';
import net from 'node:net';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until a TCP port accepts connections; start-up has no event to await. */
export async function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(150);
  }
  throw new Error(`nothing is listening on ${host}:${port} after ${timeoutMs} ms`);
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms`);
}

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Whether a TCP socket listens on `port`, read from the kernel's socket tables (Linux); undefined elsewhere. */
function listensPerKernel(port: number): boolean | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].filter((file) => fs.existsSync(file));
  if (!tables.length) return undefined;
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  // Columns: sl, local_address (hex ip:port), rem_address, st (0A = LISTEN), …
  return tables.some((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .some((row) => {
        const [, address, , state] = row.trim().split(/\s+/);
        return state === '0A' && address?.endsWith(local);
      }),
  );
}

/**
 * Waits until something listens on `port` without connecting to it: a probe connection that sends nothing makes
 * some servers (the ingress's RTMP handshake) log an error with a stack trace. Falls back to a connection where
 * the kernel's tables cannot be read.
 */
export async function waitForListener(port: number, timeoutMs = 30_000): Promise<void> {
  if (listensPerKernel(port) === undefined) return waitForPort(port, '127.0.0.1', timeoutMs);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (listensPerKernel(port)) return;
    await sleep(150);
  }
  throw new Error(`nothing is listening on port ${port} after ${timeoutMs} ms`);
}
