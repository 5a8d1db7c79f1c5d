import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { parse } from './validate.ts';

/**
 * Every route is declared once, here: the Express route AND its contract (summary, who may call, inputs,
 * responses per status). The OpenAPI document (openapi-document.ts) and the response check in tests
 * (response-check.ts) read the same declarations, so the route table is the only description of the API.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** OpenAPI security requirements: one of them must be met (an empty one means "anonymous is fine"). */
export type SecurityRequirement = Record<string, string[]>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 416 | 422 | 429 | 500 | 502 | 503;
/** Each error status a route may answer, with when (the body is always the shared error schema). */
export type ErrorResponses = Partial<Record<ErrorStatus, string>>;

/** Middleware that documents itself: who may pass, and the errors it answers with. */
export type Guard = RequestHandler & { readonly access: { security?: SecurityRequirement[]; errors?: ErrorResponses } };

export function guard(handler: RequestHandler, access: Guard['access']): Guard {
  return Object.assign(handler, { access });
}

/** Routes whose body must be empty (or `{}`): anything sent is a mistake worth reporting. Not shown as a request body. */
export const noBody = z.strictObject({});

/** A success response: a JSON schema, or a fuller description (no schema: no body; `contentType` for non-JSON). */
export type SuccessResponse = z.ZodType | { description: string; schema?: z.ZodType; contentType?: string };
/** 206 and 302 are for files: a byte range of one, or a redirect to where it is stored. */
export type SuccessResponses = Partial<Record<200 | 201 | 202 | 204 | 206 | 302, SuccessResponse>>;

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOf<R> = R extends z.ZodType ? z.input<R> : R extends { schema: z.ZodType } ? z.input<R['schema']> : undefined;

/** What a handler answers: one of its declared statuses with that status's body. */
export type Reply<R extends SuccessResponses> = {
  [S in keyof R & number]: { status: S; body: BodyOf<R[S]>; headers?: Record<string, string> };
}[keyof R & number];

export const ok = <T>(body: T, headers?: Record<string, string>) => ({ status: 200 as const, body, headers });
export const created = <T>(body: T, headers?: Record<string, string>) => ({ status: 201 as const, body, headers });
export const accepted = <T>(body: T) => ({ status: 202 as const, body });
export const noContent = () => ({ status: 204 as const, body: undefined });

export type RouteSpec<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends SuccessResponses,
> = {
  summary: string;
  description?: string;
  /** Run first, in order; each documents who may pass and what it refuses with. */
  guards?: Guard[];
  /** Run after the guards, before validation: body readers such as express.raw. */
  middleware?: RequestHandler[];
  params?: P;
  query?: Q;
  /** A JSON body, validated before the handler runs. */
  body?: B;
  /** A body the handler (or a library) reads itself, documented only: raw uploads, signed webhooks, better-auth. */
  requestBody?: { contentType: string; description: string; schema?: z.ZodType };
  /** For routes whose caller is checked inside the handler (e.g. a signature), when no guard says it. */
  security?: SecurityRequirement[];
  responses: R;
  errors?: ErrorResponses;
  /** Served, but not part of the public document (e.g. better-auth's endpoints nobody here calls). */
  hidden?: boolean;
  /** Gets the validated inputs; returns a reply, or nothing when it answered through `res` itself (streams, files). */
  handler: (
    input: { params: Output<P>; query: Output<Q>; body: Output<B> },
    req: Request,
    res: Response,
  ) => Reply<R> | void | Promise<Reply<R> | void>;
};

type RouteDeclarer = <
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends SuccessResponses = SuccessResponses,
>(
  path: string,
  spec: RouteSpec<P, Q, B, R>,
) => void;

/** A route as the document and the response check see it. */
export type DeclaredRoute = {
  method: HttpMethod | 'all';
  /** The full Express path, e.g. `/api/chat/:hostId/messages`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  security?: SecurityRequirement[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  requestBody?: { contentType: string; description: string; schema?: z.ZodType };
  responses: SuccessResponses;
  errors: ErrorResponses;
  hidden: boolean;
};

const routeOfResponse = new WeakMap<Response, DeclaredRoute>();

/** The declared route that is answering this response, if any. */
export function declaredRouteOf(res: Response): DeclaredRoute | undefined {
  return routeOfResponse.get(res);
}

export type ApiRouter = ReturnType<typeof apiRouter>;

/**
 * One router per URL prefix. `guards` apply to every route of the router (e.g. signed-in only).
 * Mount it with `app.use(api.prefix, api.router)`.
 */
export function apiRouter(
  prefix: string,
  options: {
    tag: string;
    description?: string;
    guards?: Guard[];
    /** Its routes read the raw body themselves (better-auth, signed webhooks): mounted before the JSON parser. */
    readsOwnBody?: boolean;
  },
) {
  const router = Router();
  const routes: DeclaredRoute[] = [];

  function declare<
    P extends z.ZodObject | undefined = undefined,
    Q extends z.ZodObject | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
    R extends SuccessResponses = SuccessResponses,
  >(method: HttpMethod | 'all', path: string, spec: RouteSpec<P, Q, B, R>): void {
    const guards = [...(options.guards ?? []), ...(spec.guards ?? [])];
    const declared: DeclaredRoute = {
      method,
      path: path === '/' ? prefix : `${prefix}${path}`,
      tag: options.tag,
      summary: spec.summary,
      description: spec.description,
      security: spec.security ?? guards.find((each) => each.access.security)?.access.security,
      params: spec.params,
      query: spec.query,
      body: spec.body,
      requestBody: spec.requestBody,
      responses: spec.responses,
      errors: mergeErrors([
        automaticErrors(prefix, method, spec),
        ...guards.map((each) => each.access.errors ?? {}),
        spec.errors ?? {},
      ]),
      hidden: spec.hidden ?? false,
    };
    routes.push(declared);

    const markRoute: RequestHandler = (_req, res, next) => {
      routeOfResponse.set(res, declared);
      next();
    };
    const handle: RequestHandler = async (req, res) => {
      const input = {
        params: (spec.params ? parse(spec.params, req.params) : undefined) as Output<P>,
        query: (spec.query ? parse(spec.query, req.query) : undefined) as Output<Q>,
        body: (spec.body ? parse(spec.body, req.body ?? {}) : undefined) as Output<B>,
      };
      const reply = await spec.handler(input, req, res);
      if (!reply) return;
      if (reply.headers) res.set(reply.headers);
      if (reply.body === undefined) res.status(reply.status).end();
      else res.status(reply.status).json(reply.body);
    };
    router[method](path, markRoute, ...guards, ...(spec.middleware ?? []), handle);
  }

  const on =
    (method: HttpMethod): RouteDeclarer =>
    (path, spec) =>
      declare(method, path, spec);

  return {
    prefix,
    tag: options.tag,
    description: options.description,
    readsOwnBody: options.readsOwnBody ?? false,
    router,
    routes,
    get: on('get'),
    post: on('post'),
    put: on('put'),
    patch: on('patch'),
    delete: on('delete'),
    /** Every method on a path; hidden routes only (OpenAPI has no "any method"). */
    all: <R extends SuccessResponses = SuccessResponses>(
      path: string,
      spec: RouteSpec<undefined, undefined, undefined, R> & { hidden: true },
    ) => declare('all', path, spec),
  };
}

/** Errors any route of its kind can answer, from the shared middleware and the validation step. */
function automaticErrors(
  prefix: string,
  method: HttpMethod | 'all',
  spec: { params?: unknown; query?: unknown; body?: unknown; requestBody?: { contentType: string } },
): ErrorResponses {
  const errors: ErrorResponses = {};
  const writes = method !== 'get' && prefix.startsWith('/api');
  const takesJson = !spec.requestBody || spec.requestBody.contentType === 'application/json';
  const problems = ['The address has a control character or a malformed %-escape (`BAD_REQUEST`).'];
  if (spec.params || spec.query || spec.body)
    problems.push('The input is invalid (`VALIDATION_FAILED`, with `fields` naming each problem).');
  if (writes && takesJson) problems.push('The body is not valid JSON, or contains NUL (`BAD_REQUEST`).');
  errors[400] = problems.join(' ');
  if (writes) {
    errors[403] = 'The request came from another site (`reason: CROSS_ORIGIN`).';
    errors[413] = 'The body is too large.';
    if (takesJson) errors[415] = 'The body is not JSON.';
  }
  errors[500] = 'Something failed on the server.';
  errors[503] =
    'PostgreSQL or LiveKit is not answering (`UNAVAILABLE`, with `retryAfterMs` and a `Retry-After` header): try again.';
  return errors;
}

function mergeErrors(sources: ErrorResponses[]): ErrorResponses {
  const merged: ErrorResponses = {};
  for (const source of sources) {
    for (const [status, text] of Object.entries(source) as Array<[`${ErrorStatus}`, string]>) {
      const key = Number(status) as ErrorStatus;
      merged[key] = merged[key] ? `${merged[key]} ${text}` : text;
    }
  }
  return merged;
}
