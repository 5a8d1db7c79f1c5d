import { describe, expect, it, vi } from 'vitest';
import { ApiError, client, unwrap } from './api-client.ts';

/** A fake network for one request: the client takes `fetch` per call. */
const answering = (status: number, body: string | null) => ({
  baseUrl: 'http://site.test',
  fetch: vi.fn(async (_request: Request) => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })),
});
const failing = (error: Error) => ({ baseUrl: 'http://site.test', fetch: vi.fn(async () => Promise.reject(error)) });

describe('the API client', () => {
  it('returns the answer of a successful request, sending cookies with it', async () => {
    const network = answering(200, JSON.stringify({ isLive: true, viewerCount: 3, startedAt: null }));
    await expect(unwrap(client.GET('/api/stream/status', network))).resolves.toEqual({
      isLive: true,
      viewerCount: 3,
      startedAt: null,
    });
    expect(network.fetch.mock.calls[0]?.[0].credentials).toBe('include');
  });

  it("turns an error answer into ApiError with the server's code and message", async () => {
    const network = answering(404, JSON.stringify({ code: 'NOT_FOUND', message: 'No such channel.' }));
    const error = await unwrap(
      client.GET('/api/viewer/stream/{username}', { ...network, params: { path: { username: 'x' } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No such channel.' });
  });

  it('still gives a code and a sentence when the error answer is not JSON', async () => {
    await expect(unwrap(client.GET('/api/stream/status', answering(502, 'Bad gateway')))).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_502',
      message: 'Request failed (502).',
    });
  });

  it('says the server cannot be reached when fetch itself fails, but lets an abort through as it is', async () => {
    await expect(unwrap(client.GET('/api/stream/status', failing(new TypeError('Failed to fetch'))))).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
      message: 'Cannot reach the server. Check your connection and try again.',
    });
    await expect(
      unwrap(client.GET('/api/stream/status', failing(new DOMException('aborted', 'AbortError')))),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
