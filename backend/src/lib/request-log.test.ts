import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { requestLogLevel, requestLogger, requestSummary } from './request-log.ts';

describe('request log lines', () => {
  it('are info for what people do, so `info` shows their requests', () => {
    expect(requestLogLevel('/api/viewer/live?page=1', 200)).toBe('info');
    expect(requestLogLevel('/api/users/ada', 404)).toBe('info');
    expect(requestLogLevel('/healthy-recipes', 200)).toBe('info');
  });

  it('are debug for probes and LiveKit webhooks, which would otherwise bury them', () => {
    expect(requestLogLevel('/health', 200)).toBe('debug');
    expect(requestLogLevel('/ready', 200)).toBe('debug');
    expect(requestLogLevel('/ready?verbose=1', 200)).toBe('debug');
    expect(requestLogLevel('/api/webhook/livekit', 200)).toBe('debug');
    expect(requestLogLevel('/api/webhook/livekit', 401)).toBe('debug');
  });

  it('are errors when the server failed, whatever the path', () => {
    expect(requestLogLevel('/api/stream/ingress', 500)).toBe('error');
    expect(requestLogLevel('/ready', 503)).toBe('error');
    expect(requestLogLevel('/api/chat/x/messages', 200, true)).toBe('error');
  });

  it('read as method, path, status and time', () => {
    expect(requestSummary('GET', '/api/viewer/live', 200, 12.4)).toBe('GET /api/viewer/live 200 12ms');
    expect(requestSummary('POST', '/api/stream/ingress', 500)).toBe('POST /api/stream/ingress 500');
  });
});

describe('request log lines leave out who sent the request', () => {
  it('carry method, path and status, never the address, forwarding headers or user agent', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use(requestLogger(createLogger(sink)));
    app.get('/api/viewer/live', (_req, res) => res.json({ items: [] }));
    await request(app)
      .get('/api/viewer/live?page=2')
      .set('X-Forwarded-For', '203.0.113.77')
      .set('X-Real-IP', '198.51.100.9')
      .set('User-Agent', 'Mozilla/5.0 (tracking-me)');
    const output = lines.join('');
    expect(output).toContain('GET /api/viewer/live?page=2 200');
    for (const identifying of ['203.0.113.77', '198.51.100.9', '127.0.0.1', '::ffff', 'tracking-me', 'remoteAddress'])
      expect(output).not.toContain(identifying);
  });
});
