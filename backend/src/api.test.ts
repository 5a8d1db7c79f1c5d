import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from './app.ts';
import { apis } from './api.ts';
import { openApiPath } from './http/openapi-document.ts';
import { isSiteAddress } from '@streamhouse/contract';
import { usernameProblem } from './modules/auth/username-rules.ts';

const app = createApp();

describe('the API describes itself', () => {
  it('serves an OpenAPI 3.1 document listing every declared route with its responses', async () => {
    const response = await request(app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const declared = apis.flatMap((api) => api.routes).filter((route) => !route.hidden);
    expect(declared.length).toBeGreaterThan(50);
    for (const route of declared) {
      const operation = response.body.paths[openApiPath(route.path)]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toMatchObject({ summary: route.summary });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(Object.keys(route.responses)));
    }
  });

  it('documents the data-channel events and the shared error shape', async () => {
    const { body } = await request(app).get('/api/openapi.json');
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'ChatMessage', 'ChatEvent', 'SettingsEvent', 'ReactionEvent', 'LiveEvent']),
    );
  });

  it('serves a reference page whose script comes from this server, not a CDN', async () => {
    const page = await request(app).get('/api/docs');
    expect(page.status, page.text.slice(0, 300)).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<script src="/api/docs/scalar.js"');
    expect(page.text).toContain('/api/openapi.json');
    expect(page.text).not.toMatch(/cdn\.jsdelivr|unpkg\.com/);
    const script = await request(app).get('/api/docs/scalar.js');
    expect(script.status, script.text.slice(0, 300)).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });
});

describe('the server’s own addresses', () => {
  it('are site addresses in the contract, so no username can take one', () => {
    const firstSegments = new Set(apis.flatMap((api) => api.routes).map((route) => route.path.split('/')[1]!));
    for (const segment of firstSegments) {
      expect(isSiteAddress(segment), `/${segment}`).toBe(true);
      expect(usernameProblem(segment)?.code ?? 'allowed', `/${segment}`).not.toBe('allowed');
    }
  });
});
