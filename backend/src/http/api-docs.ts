import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { apiReference } from '@scalar/express-api-reference';
import { apiRouter, ok } from './api-router.ts';

/** Scalar's prebuilt browser bundle, served from here: the reference page loads nothing from a CDN. */
const scalarBundle = path.join(
  path.dirname(fileURLToPath(import.meta.resolve('@scalar/api-reference'))),
  'browser/standalone.js',
);

/** /api/openapi.json and /api/docs: the contract, for programs and for people. */
export function apiDocsRouter(document: () => object) {
  const api = apiRouter('/api', { tag: 'Documentation', description: 'This document, and a page to read and try it.' });

  api.get('/openapi.json', {
    summary: 'The OpenAPI 3.1 document',
    description: 'Generated from the route declarations; `docs/api/openapi.json` in the repository is the same document.',
    responses: { 200: z.looseObject({ openapi: z.string() }).meta({ description: 'The OpenAPI document' }) },
    handler: () => ok(document() as { openapi: string }),
  });

  const page = apiReference({
    url: '/api/openapi.json',
    cdn: '/api/docs/scalar.js',
    pageTitle: 'Streamhouse API',
    theme: 'deepSpace',
    darkMode: true,
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: 'never',
    agent: { disabled: true },
  });

  api.get('/docs', {
    summary: 'An interactive reference of this API',
    responses: { 200: { description: 'A page (Scalar) that reads /api/openapi.json', contentType: 'text/html' } },
    handler: (_input, req, res) => {
      // Scalar's page configures itself with an inline script, injects its styles and probes whether it may compile
      // validators (eval): allowed here, on this page only, which shows the public API document and nobody's data.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'",
      );
      page(req as never, res, () => undefined);
    },
  });

  api.get('/docs/scalar.js', {
    summary: "The reference page's script",
    hidden: true,
    responses: { 200: { description: 'Scalar API Reference, browser bundle', contentType: 'text/javascript' } },
    // pnpm keeps packages under node_modules/.pnpm: a dot-folder, which sendFile refuses unless told.
    handler: (_input, _req, res) =>
      res.type('text/javascript').set('Cache-Control', 'public, max-age=86400').sendFile(scalarBundle, { dotfiles: 'allow' }),
  });

  return api;
}
