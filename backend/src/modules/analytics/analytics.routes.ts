import { apiRouter, ok } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { sessionDetail, sessionParams, sessionReports, sessionsQuery } from './analytics.schemas.ts';
import { getSessionDetail, listSessionReports } from './analytics.service.ts';

/** /api/analytics: the signed-in creator's own figures. */
export const analyticsApi = apiRouter('/api/analytics', {
  tag: 'Analytics',
  description: "The signed-in creator's own figures.",
});

/** Always the signed-in creator's own sessions: the host comes from the session, never the request. */
analyticsApi.get('/sessions', {
  summary: 'Your recent broadcasts with their figures',
  guards: [requireUser],
  query: sessionsQuery,
  responses: { 200: sessionReports },
  handler: async ({ query }, req) => ok(await listSessionReports(signedInUser(req.user).id, query.limit)),
});

analyticsApi.get('/sessions/:sessionId', {
  summary: "One broadcast's charts",
  description:
    'Viewers over time, chat messages per minute, new followers and where viewers came from. Only your own broadcasts.',
  guards: [requireUser],
  params: sessionParams,
  responses: { 200: sessionDetail },
  errors: { 404: 'No such broadcast of yours.' },
  handler: async ({ params }, req) => ok(await getSessionDetail(signedInUser(req.user).id, params.sessionId)),
});
