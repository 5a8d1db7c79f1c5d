import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('log lines', () => {
  it('never contain a stream key, a token or a cookie', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger(sink);
    log.info({ streamKey: 'sk_live_secret1', ingress: { streamKey: 'sk_live_secret2', url: 'rtmp://x' } }, 'ingress created');
    log.info({ token: 'eyJ.secret.jwt', req: { headers: { authorization: 'Bearer eyJ.x', cookie: 'session=abc' } } }, 'request');
    const output = lines.join('');
    expect(output).toContain('ingress created');
    expect(output).toContain('rtmp://x');
    for (const secret of ['sk_live_secret1', 'sk_live_secret2', 'eyJ.secret.jwt', 'Bearer eyJ.x', 'session=abc'])
      expect(output).not.toContain(secret);
    expect(output).toContain('[redacted]');
  });
});
