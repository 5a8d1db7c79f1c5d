import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';

// A build as Vite writes it: a hashed script with its Brotli and gzip copies, a stylesheet without copies.
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assets-'));
const SCRIPT = `console.log(${JSON.stringify('streamhouse '.repeat(200))});`;
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
fs.mkdirSync(path.join(staticDir, 'assets'));
fs.writeFileSync(path.join(staticDir, 'assets/index-abc123.js'), SCRIPT);
fs.writeFileSync(path.join(staticDir, 'assets/index-abc123.js.br'), brotliCompressSync(SCRIPT));
fs.writeFileSync(path.join(staticDir, 'assets/index-abc123.js.gz'), gzipSync(SCRIPT));
fs.writeFileSync(path.join(staticDir, 'assets/index-abc123.css'), 'body{color:red}');

let app: Express;
beforeAll(async () => {
  vi.resetModules();
  vi.stubEnv('STATIC_DIR', staticDir);
  app = (await import('../app.ts')).createApp();
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

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
