import { apiRouter, ok } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { requireAdmin } from './admin.guards.ts';
import {
  creatorAccess,
  creatorRequestBody,
  creatorRequestItem,
  creatorRequestList,
  creatorRequestsQuery,
  decisionBody,
  userIdParams,
} from './admin.schemas.ts';
import { decideCreatorRequest, getCreatorAccess, isAdmin, listCreatorRequests, requestCreatorAccess } from './admin.service.ts';
import { z } from 'zod';

/** /api/creator-access: the signed-in user's own request to stream (REQUIRE_CREATOR_APPROVAL). */
export const creatorAccessApi = apiRouter('/api/creator-access', {
  tag: 'Creator access',
  description: "The signed-in user's own request to stream, when this site needs admins to approve creators.",
  guards: [requireUser],
});

creatorAccessApi.get('/', {
  summary: 'My creator approval status',
  responses: { 200: creatorAccess },
  handler: async (_input, req) => ok(await getCreatorAccess(signedInUser(req.user).id)),
});

creatorAccessApi.post('/', {
  summary: 'Ask the admins for approval to stream',
  description: 'Asking again while pending replaces the note; after a decline it reopens the request.',
  body: creatorRequestBody,
  responses: { 200: creatorAccess },
  errors: { 409: 'Already approved.' },
  handler: async ({ body }, req) => ok(await requestCreatorAccess(signedInUser(req.user).id, body)),
});

creatorAccessApi.get('/admin', {
  summary: 'Whether I am an admin',
  description: 'For showing the admin link; every admin route checks for itself.',
  responses: { 200: z.strictObject({ isAdmin: z.boolean() }).meta({ id: 'AdminStatus' }) },
  handler: async (_input, req) => ok({ isAdmin: await isAdmin(signedInUser(req.user)) }),
});

/** /api/admin: admins only (made by an operator with `pnpm admin:grant`). */
export const adminApi = apiRouter('/api/admin', {
  tag: 'Admin',
  description:
    'Creator approval, for admins (an operator makes an existing account one with `pnpm admin:grant <username>`). Everyone else gets 403.',
  guards: [requireAdmin],
});

adminApi.get('/creator-requests', {
  summary: 'Creator requests by status',
  query: creatorRequestsQuery,
  responses: { 200: creatorRequestList },
  handler: async ({ query }) => ok({ items: await listCreatorRequests(query.status) }),
});

adminApi.post('/creator-requests/:userId/decision', {
  summary: 'Approve or decline a creator',
  description: 'Takes effect at once (the creator need not sign in again). Declining needs a reason; the creator sees it.',
  params: userIdParams,
  body: decisionBody,
  responses: { 200: creatorRequestItem },
  errors: { 404: 'No request from this user.' },
  handler: async ({ params, body }, req) => ok(await decideCreatorRequest(signedInUser(req.user).id, params.userId, body)),
});
