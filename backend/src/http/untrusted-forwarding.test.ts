import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../lib/logger.ts';
import { warnOnUntrustedForwarding } from './untrusted-forwarding.ts';

function appTrusting(trustProxy: string | boolean) {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.use(warnOnUntrustedForwarding());
  app.get('/', (req, res) => res.json({ ip: req.ip }));
  return app;
}

afterEach(() => vi.restoreAllMocks());

describe('forwarded headers from a proxy TRUST_PROXY does not name', () => {
  it('are ignored for the client address and said so in the log, once in a while, not on every request', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const app = appTrusting(false);
    const first = await request(app).get('/').set('X-Forwarded-For', '203.0.113.9');
    expect(first.body.ip).not.toBe('203.0.113.9');
    await request(app).get('/').set('X-Forwarded-For', '203.0.113.10');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/TRUST_PROXY/);
  });

  it('are used, silently, from a trusted proxy; a request without them says nothing', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const trusted = await request(appTrusting('loopback')).get('/').set('X-Forwarded-For', '203.0.113.9');
    expect(trusted.body.ip).toBe('203.0.113.9');
    await request(appTrusting(false)).get('/');
    expect(warn).not.toHaveBeenCalled();
  });
});
