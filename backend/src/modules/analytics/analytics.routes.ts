import { Router } from 'express';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import { sessionsQuery } from './analytics.schemas.ts';
import { listSessionReports } from './analytics.service.ts';

/** /api/analytics: the signed-in creator's own figures. */
export const analyticsRouter = Router();

/** Always the signed-in creator's own sessions: the host comes from the session, never the request. */
analyticsRouter.get('/sessions', requireUser, async (req, res) => {
  const { limit } = parse(sessionsQuery, req.query);
  res.json(await listSessionReports(signedInUser(req.user).id, limit));
});
