import { describe, expect, it } from 'vitest';
import { requestLogLevel, requestSummary } from './request-log.ts';

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
