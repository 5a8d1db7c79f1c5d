import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; body: unknown };

/**
 * Sends a request with its path exactly as given (fetch and supertest normalise `%2e`, `./` and `//` before
 * sending; an attacker's script does not). The app listens on an ephemeral port for the one request.
 */
export async function rawRequest(
  app: Express,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<RawResponse>((resolve, reject) => {
      const outgoing = http.request(
        { host: '127.0.0.1', port, method: request.method, path: request.path, headers: request.headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
              body = JSON.parse(text);
            } catch {
              body = undefined;
            }
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
