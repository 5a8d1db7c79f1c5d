import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { logger } from '../lib/logger.ts';
import { declaredRouteOf, type DeclaredRoute } from './api-router.ts';
import { errorBody } from './error-body.ts';
import { successParts } from './openapi-document.ts';

/** Paths the contract covers: the API and the probes. Everything else (the built frontend) is not checked. */
const isContractPath = (path: string) => path.startsWith('/api/') || path === '/api' || path === '/health' || path === '/ready';

/** `write` and `end` take strings (with an encoding), Buffers or other byte views (better-auth sends Uint8Arrays). */
function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

type Answer = { status: number; contentType: string; body: Buffer };

function jsonOf(body: Buffer): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { error: 'the body is not JSON' };
  }
}

function schemaProblem(schema: z.ZodType, answer: Answer): string | undefined {
  if (!answer.contentType.startsWith('application/json'))
    return `it is ${answer.contentType || 'not typed'}, not application/json`;
  const json = jsonOf(answer.body);
  if (json.error) return json.error;
  const result = schema.safeParse(json.value);
  if (result.success) return undefined;
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

/** What is wrong with an answer against its route's declaration; undefined when it matches. */
export function contractProblem(method: string, route: DeclaredRoute | undefined, answer: Answer): string | undefined {
  if (answer.status === 304 && method === 'GET') return undefined;
  if (answer.status >= 400) {
    if (route && !(answer.status in route.errors)) return `status ${answer.status} is not among its declared errors`;
    const problem = schemaProblem(errorBody, answer);
    return problem && `the error body does not match the error schema: ${problem}`;
  }
  if (!route) return 'no route declares this path and method';
  const declared = route.responses[answer.status as keyof DeclaredRoute['responses']];
  if (!declared) return `status ${answer.status} is not among its declared responses`;
  const { schema, contentType } = successParts(declared);
  if (schema && contentType === 'application/json') {
    const problem = schemaProblem(schema, answer);
    return problem && `the body does not match its schema: ${problem}`;
  }
  if (!schema && contentType === 'application/json')
    return answer.body.length ? 'a body was sent where none is declared' : undefined;
  const expected = contentType.replace(/\*$/, '');
  return answer.contentType.startsWith(expected) ? undefined : `it is ${answer.contentType || 'not typed'}, not ${contentType}`;
}

function describe(req: Request, route: DeclaredRoute | undefined): string {
  return route ? `${route.method.toUpperCase()} ${route.path}` : `${req.method} ${req.path}`;
}

/**
 * Tests only: holds every API answer until it is complete, checks it against the declared route (status,
 * content type, body schema; errors against the shared error schema), and replaces a mismatch with a 500
 * `CONTRACT_VIOLATION`. So every integration and e2e request proves the OpenAPI document true. Event
 * streams pass through once their status and type are checked.
 */
export function checkResponses(): RequestHandler {
  return (req, res, next) => {
    if (!isContractPath(req.path) || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const original = { writeHead: res.writeHead, write: res.write, end: res.end };
    const endWith = (body: Buffer, done?: () => void) =>
      (original.end as (chunk: Buffer, callback?: () => void) => Response).call(res, body, done);
    const chunks: Buffer[] = [];
    const restore = () => Object.assign(res, original);

    const violation = (problem: string) => {
      const route = declaredRouteOf(res);
      const message = `${describe(req, route)} answered ${res.statusCode}, which its contract does not describe: ${problem}.`;
      logger.error({ method: req.method, path: req.originalUrl, status: res.statusCode, problem }, 'contract violation');
      return { code: 'CONTRACT_VIOLATION', message };
    };

    // An explicit writeHead (better-auth, event streams): keep its status and headers, send nothing yet.
    res.writeHead = function writeHead(this: Response, status: number, ...rest: unknown[]) {
      this.statusCode = status;
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg)) as
        Record<string, string> | undefined;
      for (const [name, value] of Object.entries(headers ?? {})) this.setHeader(name, value);
      const contentType = String(this.getHeader('content-type') ?? '');
      if (!contentType.startsWith('text/event-stream')) return this;
      const problem = contractProblem(req.method, declaredRouteOf(this), { status, contentType, body: Buffer.alloc(0) });
      restore();
      if (!problem) return original.writeHead.call(this, status);
      const body = violation(problem);
      this.removeHeader('content-type');
      this.status(500).json(body);
      return this;
    } as Response['writeHead'];

    res.write = function write(this: Response, chunk: unknown, encoding?: unknown, callback?: unknown) {
      chunks.push(toBuffer(chunk, encoding));
      const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    } as Response['write'];

    res.end = function end(this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
      const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
      const body = Buffer.concat(chunks);
      const answer = { status: this.statusCode, contentType: String(this.getHeader('content-type') ?? ''), body };
      const problem = contractProblem(req.method, declaredRouteOf(this), answer);
      restore();
      if (!problem) return endWith(body, done);
      const replacement = Buffer.from(JSON.stringify(violation(problem)));
      for (const name of ['content-length', 'content-type', 'etag', 'cache-control']) this.removeHeader(name);
      this.statusCode = 500;
      this.setHeader('content-type', 'application/json; charset=utf-8');
      return endWith(replacement, done);
    } as Response['end'];

    next();
  };
}
