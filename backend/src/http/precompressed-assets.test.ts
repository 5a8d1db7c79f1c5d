import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { appServingBuild } from '../test/built-frontend.ts';

// A build as Vite writes it: a hashed script with its Brotli and gzip copies, a stylesheet without copies.
const SCRIPT = `console.log(${JSON.stringify('streamhouse '.repeat(200))});`;

let app: Express;
let remove: () => void;
beforeAll(async () => {
  ({ app, remove } = await appServingBuild({
    'index.html': '<!doctype html><html><head></head><body></body></html>',
    'assets/index-abc123.js': SCRIPT,
    'assets/index-abc123.js.br': brotliCompressSync(SCRIPT),
    'assets/index-abc123.js.gz': gzipSync(SCRIPT),
    'assets/index-abc123.css': 'body{color:red}',
  }));
});
afterAll(() => remove());

const script = (encoding: string) => request(app).get('/assets/index-abc123.js').set('Accept-Encoding', encoding);

describe('built scripts and styles', () => {
  it('arrive as the Brotli copy where the browser takes it, else gzip, else plain — the same script each time', async () => {
    for (const [accepts, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const response = await script(accepts);
      expect(response.status, accepts).toBe(200);
      expect(response.headers['content-encoding'], accepts).toBe(encoding);
      expect(response.headers['content-type'], accepts).toMatch(/^text\/javascript|^application\/javascript/);
      expect(response.headers.vary, accepts).toMatch(/accept-encoding/i);
      // A hashed name never changes content: cached for a year.
      expect(response.headers['cache-control'], accepts).toBe('public, max-age=31536000, immutable');
      expect(response.text, accepts).toBe(SCRIPT);
    }
    expect(Number((await script('br')).headers['content-length'])).toBeLessThan(SCRIPT.length / 5);
  });

  it('without a copy the plain file is served; paths outside the folder are not', async () => {
    const style = await request(app).get('/assets/index-abc123.css').set('Accept-Encoding', 'br');
    expect(style.status).toBe(200);
    expect(style.headers['content-encoding']).toBeUndefined();
    expect(style.text).toBe('body{color:red}');
    const outside = await request(app).get('/assets/..%2findex.html.br').set('Accept-Encoding', 'br');
    expect(outside.headers['content-encoding']).toBeUndefined();
  });
});
