import { describe, expect, it } from 'vitest';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { apiRouter, ok } from './api-router.ts';
import { AppError } from './errors.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { checkResponses } from './response-check.ts';

/** A small API whose routes keep or break their declared contract, behind the same check the app uses in tests. */
function appWith(declare: (api: ReturnType<typeof apiRouter>) => void) {
  const api = apiRouter('/api/things', { tag: 'Things' });
  declare(api);
  const app = express();
  app.use(checkResponses());
  app.use(api.prefix, api.router);
  app.use('/api', notFoundHandler);
  app.use(errorHandler);
  return app;
}

const thing = z.strictObject({ id: z.string(), count: z.number().int() });

describe('responses are checked against their route’s declaration', () => {
  it('lets an answer that matches its schema through unchanged', async () => {
    const app = appWith((api) =>
      api.get('/one', {
        summary: 'One thing',
        responses: { 200: thing },
        handler: () => ok({ id: 'a', count: 1 }, { 'Cache-Control': 'no-store' }),
      }),
    );
    const response = await request(app).get('/api/things/one');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 'a', count: 1 });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 500 CONTRACT_VIOLATION when the body breaks its schema, naming the field', async () => {
    const app = appWith((api) =>
      api.get('/one', {
        summary: 'One thing',
        responses: { 200: thing },
        handler: () => ok({ id: 'a', count: 'one' as unknown as number }),
      }),
    );
    const response = await request(app).get('/api/things/one');
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'CONTRACT_VIOLATION', message: expect.stringContaining('count') });
  });

  it('refuses a field the schema does not list: a leak shows up as a failure', async () => {
    const app = appWith((api) =>
      api.get('/one', {
        summary: 'One thing',
        responses: { 200: thing },
        handler: () => ok({ id: 'a', count: 1, streamKey: 'secret' }),
      }),
    );
    const response = await request(app).get('/api/things/one');
    expect(response.status).toBe(500);
    expect(response.body.message).toContain('streamKey');
    expect(response.text).not.toContain('secret');
  });

  it('refuses a success status the route does not declare', async () => {
    const app = appWith((api) =>
      api.post('/', {
        summary: 'Make a thing',
        responses: { 200: thing },
        handler: (_input, _req, res) => {
          res.status(201).json({ id: 'a', count: 1 });
        },
      }),
    );
    const response = await request(app).post('/api/things');
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'CONTRACT_VIOLATION', message: expect.stringContaining('status 201') });
  });

  it('refuses an error status the route does not declare, and accepts a declared one', async () => {
    const app = appWith((api) => {
      api.get('/gone', {
        summary: 'A thing that is gone',
        responses: { 200: thing },
        errors: { 404: 'No such thing.' },
        handler: () => {
          throw new AppError(404, 'NOT_FOUND', 'No such thing.');
        },
      });
      api.get('/taken', {
        summary: 'A thing that conflicts',
        responses: { 200: thing },
        handler: () => {
          throw new AppError(409, 'CONFLICT', 'Taken.');
        },
      });
    });
    expect((await request(app).get('/api/things/gone')).body).toEqual({ code: 'NOT_FOUND', message: 'No such thing.' });
    const undeclared = await request(app).get('/api/things/taken');
    expect(undeclared.status).toBe(500);
    expect(undeclared.body).toMatchObject({ code: 'CONTRACT_VIOLATION', message: expect.stringContaining('409') });
  });

  it('refuses an error body that is not the shared error shape', async () => {
    const app = appWith((api) =>
      api.get('/odd', {
        summary: 'An odd error',
        responses: { 200: thing },
        errors: { 404: 'No such thing.' },
        handler: (_input, _req, res) => {
          res.status(404).json({ error: 'not found' });
        },
      }),
    );
    const response = await request(app).get('/api/things/odd');
    expect(response.status).toBe(500);
    expect(response.body.code).toBe('CONTRACT_VIOLATION');
  });

  it('refuses a success from an API path no route declares', async () => {
    const api = apiRouter('/api/things', { tag: 'Things' });
    const app = express();
    app.use(checkResponses());
    app.use(api.prefix, api.router);
    app.get('/api/secret', (_req, res) => {
      res.json({ hidden: true });
    });
    app.use(errorHandler);
    const response = await request(app).get('/api/secret');
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'CONTRACT_VIOLATION', message: expect.stringContaining('no route declares') });
  });

  it('accepts the shared 404 for an API path nobody serves', async () => {
    const response = await request(appWith(() => undefined)).get('/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('checks an event stream’s status and type, then lets it flow', async () => {
    const app = appWith((api) =>
      api.get('/events', {
        summary: 'Events',
        responses: { 200: { description: 'Events', contentType: 'text/event-stream', schema: thing } },
        handler: (_input, _req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/event-stream' });
          res.write('data: {"id":"a","count":1}\n\n');
          res.end();
        },
      }),
    );
    const response = await request(app).get('/api/things/events');
    expect(response.status).toBe(200);
    expect(response.text).toBe('data: {"id":"a","count":1}\n\n');
  });
});
