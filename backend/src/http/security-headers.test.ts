import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { inlineScriptHashes } from './security-headers.ts';

// A built app shell with an inline script, as Vite writes it (the LiveKit preload on watch pages).
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-'));
const INLINE = "if(location.pathname.endsWith('/live')){document.head.append(document.createElement('link'))}";
fs.writeFileSync(
  path.join(staticDir, 'index.html'),
  `<!doctype html><html><head><script>${INLINE}</script><title>Streamhouse</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>`,
);
fs.mkdirSync(path.join(staticDir, 'assets'));
fs.writeFileSync(path.join(staticDir, 'assets/app.js'), 'console.log(1)');

async function appWith(environment: Record<string, string>): Promise<Express> {
  vi.unstubAllEnvs();
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const { createApp } = await import('../app.ts');
  return createApp();
}

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const directives = (header: string | undefined) =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('security headers on every answer', () => {
  it('a page, an API answer and a file: CSP allowing exactly what the site loads, no framing, nosniff, referrer policy', async () => {
    const app = await appWith({ STATIC_DIR: staticDir, LIVEKIT_URL: 'wss://livekit.example.com' });
    for (const target of ['/some_creator/live', '/api/viewer/live', '/assets/app.js']) {
      const response = await request(app).get(target);
      expect(response.status, target).toBe(200);
      const csp = directives(response.headers['content-security-policy']);
      expect(csp['default-src'], target).toEqual(["'self'"]);
      expect(csp['frame-ancestors'], target).toEqual(["'none'"]);
      expect(csp['object-src'], target).toEqual(["'none'"]);
      // The app shell's own inline script, by its hash, and nothing else inline.
      expect(csp['script-src'], target).toEqual(["'self'", `'${inlineScriptHashes(`<script>${INLINE}</script>`)[0]}'`]);
      expect(csp['connect-src'], target).toEqual(["'self'", 'wss://livekit.example.com', 'https://livekit.example.com']);
      expect(response.headers['x-frame-options'], target).toBe('DENY');
      expect(response.headers['x-content-type-options'], target).toBe('nosniff');
      expect(response.headers['referrer-policy'], target).toBe('strict-origin-when-cross-origin');
      // Plain HTTP (development): no HSTS.
      expect(response.headers['strict-transport-security'], target).toBeUndefined();
    }
  });

  it('lets other sites frame the embed pages only, with the same policy otherwise', async () => {
    const app = await appWith({ STATIC_DIR: staticDir, LIVEKIT_URL: 'wss://livekit.example.com' });
    for (const target of ['/embed/some_creator', '/embed/some_creator/chat']) {
      const response = await request(app).get(target);
      expect(response.status, target).toBe(200);
      const csp = directives(response.headers['content-security-policy']);
      expect(csp['frame-ancestors'], target).toEqual(['*']);
      expect(csp['default-src'], target).toEqual(["'self'"]);
      expect(response.headers['x-frame-options'], target).toBeUndefined();
    }
    // A look-alike path, the watch page and the API stay unframable.
    for (const target of ['/embedded', '/some_creator/live', '/api/viewer/live']) {
      const response = await request(app).get(target);
      expect(directives(response.headers['content-security-policy'])['frame-ancestors'], target).toEqual(["'none'"]);
      expect(response.headers['x-frame-options'], target).toBe('DENY');
    }
  });

  it('over HTTPS adds HSTS', async () => {
    const app = await appWith({ PUBLIC_URL: 'https://streams.example.com', LIVEKIT_URL: 'wss://livekit.example.com' });
    const response = await request(app).get('/api/viewer/live');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('hashes exactly the inline scripts of a page', () => {
    expect(inlineScriptHashes('<script src="/a.js"></script><script type="module">x()</script><script>y()</script>')).toEqual([
      inlineScriptHashes('<script>x()</script>')[0],
      inlineScriptHashes('<script>y()</script>')[0],
    ]);
  });
});
