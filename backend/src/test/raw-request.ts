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
  request: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** For a response that never ends by itself (an event stream): answer with the status, then hang up. */
    untilHeaders?: boolean;
  },
): Promise<RawResponse> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  // A well-formed request: the body's exact length, not chunks (a malformed body would be refused by Node's
  // HTTP parser after the app already started on the request, which is not what these tests are about).
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(body && { 'content-length': String(body.length) }) };
  try {
    return await new Promise<RawResponse>((resolve, reject) => {
      const outgoing = http.request(
        { host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent: false },
        (response) => {
          if (request.untilHeaders) {
            response.destroy();
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text: '', body: undefined });
            return;
          }
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
      outgoing.end(body);
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
