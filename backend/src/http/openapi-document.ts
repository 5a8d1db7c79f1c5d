import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import type { z } from 'zod';
import { noBody, type ApiRouter, type DeclaredRoute, type SuccessResponse } from './api-router.ts';
import { errorBody } from './error-body.ts';
import { securitySchemes } from './api-security.ts';

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  206: 'Partial content',
  302: 'Found',
};

/** `/api/chat/:hostId/messages` → `/api/chat/{hostId}/messages`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

function isSchema(response: SuccessResponse): response is z.ZodType {
  return '_zod' in response;
}

/** A success response's parts, whichever way it was declared. */
export function successParts(response: SuccessResponse): {
  description: string | undefined;
  schema?: z.ZodType;
  contentType: string;
} {
  if (isSchema(response)) return { description: response.meta()?.description, schema: response, contentType: 'application/json' };
  return { description: response.description, schema: response.schema, contentType: response.contentType ?? 'application/json' };
}

function responsesOf(route: DeclaredRoute): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (!response) continue;
    const { description, schema, contentType } = successParts(response);
    responses[status as `2${string}`] = {
      description: description ?? DEFAULT_DESCRIPTIONS[Number(status)] ?? 'OK',
      ...(schema && { content: { [contentType]: { schema } } }),
      ...(!schema && contentType !== 'application/json' && { content: { [contentType]: {} } }),
    };
  }
  for (const [status, description] of Object.entries(route.errors)) {
    responses[status as `4${string}`] = { description, content: { 'application/json': { schema: errorBody } } };
  }
  return responses;
}

function operationOf(route: DeclaredRoute): ZodOpenApiOperationObject {
  const body = route.body && route.body !== noBody ? route.body : undefined;
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    ...(route.security && { security: route.security }),
    ...((route.params || route.query) && {
      requestParams: { ...(route.params && { path: route.params }), ...(route.query && { query: route.query }) },
    }),
    ...(body && { requestBody: { required: true, content: { 'application/json': { schema: body } } } }),
    ...(route.requestBody && {
      requestBody: {
        required: true,
        description: route.requestBody.description,
        content: { [route.requestBody.contentType]: route.requestBody.schema ? { schema: route.requestBody.schema } : {} },
      },
    }),
    responses: responsesOf(route),
  };
}

/** The OpenAPI 3.1 document for every declared, public route of these routers. */
export function openApiDocument(
  routers: ApiRouter[],
  info: { title: string; version: string; description: string },
  /** Shapes no route answers but clients need (e.g. data-channel events). */
  extraSchemas: Record<string, z.ZodType> = {},
) {
  const paths: ZodOpenApiPathsObject = {};
  for (const router of routers) {
    for (const route of router.routes) {
      if (route.hidden || route.method === 'all') continue;
      const path = openApiPath(route.path);
      paths[path] = { ...paths[path], [route.method]: operationOf(route) };
    }
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info,
      tags: routers.map((router) => ({ name: router.tag, ...(router.description && { description: router.description }) })),
      paths,
      components: { securitySchemes, schemas: extraSchemas },
    },
    {},
  );
}
