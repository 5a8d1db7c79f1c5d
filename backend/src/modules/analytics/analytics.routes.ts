import { apiRouter, ok } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { sessionReports, sessionsQuery } from './analytics.schemas.ts';
import { listSessionReports } from './analytics.service.ts';

/** /api/analytics: the signed-in creator's own figures. */
export const analyticsApi = apiRouter('/api/analytics', { tag: 'Analytics', description: "The signed-in creator's own figures." });

/** Always the signed-in creator's own sessions: the host comes from the session, never the request. */
analyticsApi.get('/sessions', {
  summary: 'Your recent broadcasts with their figures',
  guards: [requireUser],
  query: sessionsQuery,
  responses: { 200: sessionReports },
  handler: async ({ query }, req) => ok(await listSessionReports(signedInUser(req.user).id, query.limit)),
});
